import { launchBrowser } from './browser';

describe('browser set-up', () => {
  it('fails with the install command when Chromium is missing, instead of skipping', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(launchBrowser()).rejects.toThrow(/apt-get install -y chromium/);
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });
});
