// The browser engines the tests run in, behind one small page interface (page.mjs), so that one test source runs in
// each, with one driver file per engine:
//
// - chromium.mjs: Debian's Chromium, driven by playwright-core (the Chrome DevTools Protocol);
// - firefox.mjs:  Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver);
// - webkit.mjs:   WebKitGTK's MiniBrowser, driven by Debian's WebKitWebDriver (W3C WebDriver classic, spoken here over
//                 fetch), under Xvfb since MiniBrowser has no headless mode.
//
// Nothing is downloaded, and every engine reaches loopback addresses only: Chromium through a route that aborts
// anything else, Firefox and WebKit through a local proxy (proxy.mjs) that refuses anything else (Firefox
// sends it only what is not loopback, with its background services switched off). WebKit sends it everything, which
// also gives the tests what WebDriver classic lacks: the requests a page made, its response headers, network idle,
// and (through a recorder script the proxy adds to each HTML page) console messages and uncaught errors.
//
// A page offers the part of Playwright's Page API the tests use, with the same names and meaning: goto, addInitScript, waitFor*,
// click, fill, press, keyboard.{type,press,insertText}, inputValue, getAttribute, textContent, isVisible, isHidden,
// $eval, evaluate, content, url, screenshot, close; plus exists(), waitForConsole(), consoleMessages, pageErrors and
// requests (recorded from the start), axe() (serious and critical axe-core violations), accessibleAs() (role and name
// in the engine's own accessibility tree) and, where the driver can, ime (an IME composition) and emulateForcedColors()
// (`forced-colors: active`). What an engine's driver cannot do is in LIMITS, for tests to skip exactly that with the
// reason.
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines to run: all three, or those listed in PCCC_ENGINES (comma-separated), e.g. while working on one. */
export function engines(among = ENGINES) {
  const wanted = process.env.PCCC_ENGINES?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of wanted ?? []) if (!ENGINES.includes(e)) throw new Error(`PCCC_ENGINES: unknown engine ${e}`);
  return among.filter((e) => !wanted || wanted.includes(e));
}

/** What each engine's driver cannot produce: a test that needs it skips with this reason. */
export const LIMITS = {
  chromium: {},
  firefox: {
    ime: 'WebDriver BiDi has no IME input: puppeteer-core cannot start a composition in Firefox',
    clipboard: 'a paste event made by a script carries no data in Firefox, and headless Firefox has no clipboard to paste from',
    forcedColors: 'puppeteer-core emulates media features over CDP only, and Firefox is driven over WebDriver BiDi',
  },
  webkit: {
    ime: 'WebDriver classic has no IME input: WebKitWebDriver cannot start a composition',
    forcedColors: 'WebDriver classic has no media emulation: WebKitWebDriver cannot switch forced-colors on',
  },
};
/** The reason `engine` cannot run a check that needs `feature`, or false. */
export const lacks = (engine, feature) => LIMITS[engine]?.[feature] ?? false;

/** Launches an engine; resolves to { engine, version, newPage(), close() }. Each driver is loaded when first used. */
export async function launch(engine) {
  if (engine === 'chromium') return (await import('./chromium.mjs')).launchChromium();
  if (engine === 'firefox') return (await import('./firefox.mjs')).launchFirefox();
  if (engine === 'webkit') return (await import('./webkit.mjs')).launchWebKit();
  throw new Error(`unknown engine ${engine}`);
}
