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

/**
 * Until nothing on the page enters or leaves (rc-motion marks the moving element with `-appear`, `-enter` or `-leave`
 * classes): a zooming modal is smaller than it will be and a sliding drawer sticks out past the screen's edge.
 * Not counted: what is not rendered, and a button's loading icon, whose leave can stay marked when the button
 * re-renders mid-motion (seen under CPU load) and which moves nothing the tests measure.
 */
export async function motionless(page: Page): Promise<void> {
  // Passed to the page as source: no closures.
  const moving = () =>
    [...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')]
      .filter((e) => e.getClientRects().length > 0 && !e.classList.contains('ant-btn-loading-icon'))
      .map((e) => e.getAttribute('class') ?? '')
      .filter((classes) => classes.split(/\s+/).some((c) => /-(appear|enter|leave)(-(prepare|start|active))?$/.test(c)));
  const still = () =>
    [...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')]
      .filter((e) => e.getClientRects().length > 0 && !e.classList.contains('ant-btn-loading-icon'))
      .every((e) => !(e.getAttribute('class') ?? '').split(/\s+/).some((c) => /-(appear|enter|leave)(-(prepare|start|active))?$/.test(c)));
  try {
    await page.waitForFunction(still, undefined, { timeout: 10_000, polling: 100 });
  } catch {
    throw new Error(`still moving after 10 s: ${JSON.stringify(await page.evaluate(moving))}`);
  }
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

/**
 * The visible touch targets on the page shorter than `min` px (44 on phones, issue 18), described for the failure
 * message (`tag[data-testid] "text" 32px`); [] when all are big enough. A target is a button, a link, a form
 * control or an element with a control's role. An antd control counts as its outer box (a number input with its
 * border, a checkbox with its label). Exempt: links inside a sentence (WCAG 2.5.8's inline exception) and what is
 * hidden (closed drawers, collapsed panels, zero-sized helpers).
 */
export async function touchTargetsTooSmall(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((least) => {
    const selector =
      'button, a[href], input, select, textarea, [role="button"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="switch"], [role="combobox"], [role="option"]';
    const wrappers =
      '.ant-input-number, .ant-input-affix-wrapper, .ant-select, .ant-picker, .ant-input-group-wrapper, .ant-checkbox-wrapper, .ant-radio-wrapper';
    const seen = new Set<Element>();
    const small: string[] = [];
    for (const element of document.querySelectorAll(selector)) {
      if (element instanceof HTMLInputElement && (element.type === 'hidden' || element.type === 'file')) continue;
      let target: Element = element;
      if (element.matches('input, [role="combobox"]')) target = element.closest(wrappers) ?? element.closest('label') ?? element;
      // A link in a menu item covers the whole item (antd stretches it with an ::before over the item).
      if (element.matches('.ant-menu-item a')) target = element.closest('.ant-menu-item') ?? element;
      // A tab's label sits in the tab, which is what takes the tap.
      if (element.matches('[role="tab"]')) target = element.closest('.ant-tabs-tab') ?? element;
      if (seen.has(target)) continue;
      seen.add(target);
      if (!target.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // A link wrapped around a button (react-router's Link around an antd Button): the button is the target.
      if (target.tagName === 'A' && target.querySelector('button, [role="button"]')) continue;
      if (target.tagName === 'A' && getComputedStyle(target).display === 'inline') {
        const around = (target.parentElement?.textContent ?? '').trim().length;
        if (around > (target.textContent ?? '').trim().length) continue;
      }
      if (box.height + 0.5 >= least) continue;
      const testId = target.getAttribute('data-testid') ?? element.getAttribute('data-testid');
      const text = (target.textContent ?? '').trim().slice(0, 24) || target.getAttribute('aria-label') || '';
      small.push(`${target.tagName.toLowerCase()}${testId ? `[${testId}]` : ''} "${text}" ${Math.round(box.height)}px`);
    }
    return small;
  }, min);
}

/**
 * The document's width against the viewport's, and what sticks out past the right edge outside a scrolling table or
 * tab bar (for the failure message): a page fits when scrollWidth <= viewport and `outside` is empty.
 */
export async function horizontalOverflow(page: Page): Promise<{ path: string; scrollWidth: number; viewport: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((e) => {
        if (e.closest('.ant-table-content, .ant-table-body, .ant-table-header, .ant-tabs-nav-wrap')) return false;
        if (!e.checkVisibility()) return false;
        return e.getBoundingClientRect().right > width + 1;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`);
    return { path: location.pathname + location.search, scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, outside };
  });
}
