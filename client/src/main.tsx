import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { startOfflineSupport } from './api/offline';
import './app/global.css';
import { i18nReady } from './app/i18n';
import { Providers } from './app/providers';
import { router } from './app/router';

// The service worker (installable app, agenda and board readable offline): production builds only.
startOfflineSupport(import.meta.env.PROD);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Chinese is there at once; another stored language's strings are fetched first.
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
