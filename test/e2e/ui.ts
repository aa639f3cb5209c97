// What browser tests do to antd screens, written once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './server';

export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/**
 * Clicks once antd's open and close animations are over: a click on a modal or popconfirm that
 * is still zooming in can be lost (seen as a confirm that never happened).
 */
export async function clickSettled(target: Locator): Promise<void> {
  await target.waitFor();
  // An element carries its motion's name as a class only while it moves: modals zoom (their mask
  // fades), popconfirms zoom big.
  await target.page().waitForFunction(() => document.querySelector('.ant-zoom, .ant-zoom-big, .ant-fade') === null);
  await target.click();
}

/** The open modal on top. */
export const modal = (page: Page): Locator => page.locator('.ant-modal-wrap:visible .ant-modal').last();

/** The antd Select whose input has this id (antd gives form fields their name as id). */
export const select = (scope: Page | Locator, id: string): Locator =>
  scope.locator(`[id="${id}"]`).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');

/** Opens a Select, narrows it by typing, clicks the option with that text and lets the dropdown close. */
export async function pick(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
}

export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/events');
}

/** Runs a test body; on failure keeps a full-page screenshot of every page for the reader. */
export async function withScreenshots(name: string, pages: () => Record<string, Page | undefined>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [who, page] of Object.entries(pages())) {
      await page?.screenshot({ path: join(ARTIFACTS, `${name}-${who}.png`), fullPage: true }).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Records what the page reports as broken: uncaught errors, and resources or styles the
 * server's Content Security Policy refused (Chromium logs those as console errors).
 */
export function watchErrors(page: Page, into: string[]): void {
  page.on('pageerror', (e) => into.push(e.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) into.push(`CSP: ${message.text()}`);
  });
}
