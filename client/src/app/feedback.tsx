import { App as AntApp } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's App (message, notification and modal through App.useApp) for every page but the login,
 * which uses none of them: loaded after it, it keeps ~25 kB gzipped off a phone's first load.
 */
export function Feedback() {
  return (
    <AntApp>
      <Outlet />
    </AntApp>
  );
}
