// The dashboard in a real browser (issue 7's acceptance test): headless Chromium
// (Debian's chromium) driven by playwright-core (a devDependency of web/).
//
//   node dashboard_test.mjs WARTA ARTICLES WEB_DIR OUT_DIR [MODE]
//
// MODE (the expectations) is "fixture" (the default: ARTICLES is our fixtures, an
// English article coded USA→RUS in Paris and an Indonesian one USA→RUS in Milan) or
// "seed" (ARTICLES is the shared Indonesian seed article: USA↔RUS events of
// 2014-10-14 in Paris, and Putin's Milan talks). Ingests ARTICLES into a fresh store, starts `warta serve` on a free loopback port,
// opens the dashboard and checks, in the DOM and in screenshots (saved in OUT_DIR):
// the USA–RUS timeline and its events, the map's Paris and Milan markers, and the
// highlighted sentence and rule of a clicked event. Exit 0 pass, 1 fail, 77 skipped
// (no Chromium on this machine).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const [warta, fixtures, webDir, outDir, mode = "fixture"] = process.argv.slice(2);
if (!warta || !fixtures || !webDir || !outDir || !["fixture", "seed"].includes(mode)) {
  console.error("usage: node dashboard_test.mjs WARTA ARTICLES WEB_DIR OUT_DIR [fixture|seed]");
  process.exit(1);
}
if (!fs.existsSync(fixtures)) {
  console.log(`SKIPPED: no ${fixtures}`);
  process.exit(77);
}

// What each mode's articles must show: the USA–RUS timeline points ("dir period
// count"), the dyad table's rows (count and texts that some row must contain), and
// the events to click (a row matching `row`) with their sentence, highlights and rule.
const EXPECT = {
  fixture: {
    points: ["ab 2023-05 1", "ab 2023-06 1", "ba 2023-05 1", "ba 2023-06 1"],
    pointsWhat: "USA→RUS and RUS→USA, May and June 2023",
    rows: 4,
    rowHas: [["USA → RUS", "Paris"], ["USA → RUS", "Milan"], ["RUS", "→ USA"]],
    events: [
      {
        row: "Milan",
        sentence: "Amerika Serikat pada Kamis mengecam Rusia",
        source: "Amerika Serikat",
        target: "Rusia",
        trigger: "mengecam",
        rule: "id/11/mengecam",
        shot: "event_milan.png",
      },
      {
        row: "Paris",
        sentence: "The United States on Tuesday urged Russia",
        source: "United States",
        target: "Russia",
        trigger: "urged",
        rule: "en/02/urge",
        shot: "event_paris.png",
      },
    ],
  },
  seed: {
    points: ["ab 2008-01 1", "ab 2014-10 8", "ba 2014-10 2"],
    pointsWhat: "USA→RUS in 2008 and October 2014, RUS→USA in October 2014",
    rows: 11,
    rowHas: [["USA → RUS", "Paris"], ["RUS → USA", "Paris"], ["2014-10-14", "USAGOV → RUS"]],
    events: [
      {
        row: /USA → RUS.*Paris/,
        sentence: "PARIS – Amerika Serikat dan Rusia pada Selasa berjanji",
        source: "Amerika Serikat dan Rusia",
        target: "Amerika Serikat dan Rusia",
        trigger: "berjanji",
        rule: "id/03/berjanji-kerja-sama",
        shot: "event_paris.png",
      },
    ],
  },
}[mode];

function findChromium() {
  const candidates = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((c) => c && fs.existsSync(c));
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.log("SKIPPED: no Chromium (apt-get install chromium chromium-driver)");
  process.exit(77);
}

// playwright-core lives in web/node_modules (npm ci in web/, as scripts/setup.sh does).
const require = createRequire(path.join(path.resolve(webDir, ".."), "package.json"));
let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch (e) {
  console.error(`FAIL: playwright-core not installed in web/ (run npm ci there): ${e.message}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
function check(ok, what, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok    ${what}`);
  } else {
    failed++;
    console.log(`FAIL  ${what}${detail ? `: ${detail}` : ""}`);
  }
}

fs.mkdirSync(outDir, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "warta-browser-"));
const db = path.join(tmp, "events.db");
let server = null;
let browser = null;

async function startServer() {
  server = spawn(warta, ["serve", "--db", db, "--port", "0", "--web", webDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stderr.on("data", (d) => (log += d));
  const port = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`warta serve did not start: ${log}`)), 60000);
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/[^:]+:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    server.on("exit", (code) => reject(new Error(`warta serve exited with ${code}: ${log}`)));
  });
  return { port, log: () => log };
}

// Counts pixels of a screenshot near each of the given colours, decoding the PNG in
// the page itself (no image library needed here).
async function countColours(page, png, colours) {
  return page.evaluate(
    async ({ b64, colours }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const counts = colours.map(() => 0);
      for (let i = 0; i < d.length; i += 4) {
        rgb.forEach(([r, g, b], k) => {
          if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) counts[k]++;
        });
      }
      return Object.fromEntries(colours.map((h, k) => [h, counts[k]]));
    },
    { b64: png.toString("base64"), colours },
  );
}

async function main() {
  execFileSync(warta, ["ingest", fixtures, "--db", db], { stdio: "inherit" });
  const { port } = await startServer();
  const base = `http://127.0.0.1:${port}`;

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  const outside = [];
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith("data:")) outside.push(u);
  });

  await page.goto(`${base}/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });

  // --- the USA–RUS dyad timeline and its events
  const points = await page.$$eval("#timeline circle.tl-point", (cs) =>
    cs.map((c) => `${c.dataset.dir} ${c.dataset.period} ${c.dataset.count}`).sort(),
  );
  check(
    JSON.stringify(points) === JSON.stringify(EXPECT.points),
    `timeline: a point per month and direction (${EXPECT.pointsWhat})`,
    JSON.stringify(points),
  );
  // A line joins a direction's points (one with a single point, as RUS→USA in the
  // seed, has none to draw).
  const lines = await page.$$eval("#timeline path.tl-line", (ps) => ps.map((p) => p.getAttribute("d") || ""));
  const joined = ["ab", "ba"].map((dir) => EXPECT.points.filter((p) => p.startsWith(`${dir} `)).length > 1);
  check(
    lines.length === 2 && lines.every((d, i) => !joined[i] || d.includes("L")),
    "timeline: a line per direction with more than one point",
    JSON.stringify(lines),
  );
  const dyadRows = await page.$$eval("#dyad-events tbody tr", (rs) => rs.map((r) => r.innerText.replace(/\s+/g, " ")));
  check(dyadRows.length === EXPECT.rows, `dyad events: ${EXPECT.rows} listed`, JSON.stringify(dyadRows));
  for (const texts of EXPECT.rowHas) {
    check(dyadRows.some((r) => texts.every((t) => r.includes(t))), `dyad events: a row with ${texts.join(" … ")}`);
  }

  // --- the map: country shapes from world-atlas, markers for Paris and Milan
  const countries = await page.$$eval("#map path.country", (ps) => ps.length);
  check(countries > 100, "map: country shapes drawn", `${countries} countries`);
  const marker = async (name) => {
    const h = await page.$(`#map .place-marker[data-place="${name}"] circle`);
    return h ? h.boundingBox() : null;
  };
  const paris = await marker("Paris");
  const milan = await marker("Milan");
  check(paris !== null, "map: Paris is marked");
  check(milan !== null, "map: Milan is marked");
  if (paris && milan) {
    // Milan (45.46 N, 9.19 E) is east and south of Paris (48.86 N, 2.35 E).
    check(milan.x > paris.x && milan.y > paris.y, "map: Milan lies south-east of Paris", JSON.stringify({ paris, milan }));
  }
  const labels = await page.$$eval("#map .place-label", (ts) => ts.map((t) => t.textContent));
  check(labels.includes("Paris") && labels.includes("Milan"), "map: places labelled", JSON.stringify(labels));

  // --- screenshots: the data is drawn, not just present in the DOM
  const full = await page.screenshot({ path: path.join(outDir, "dashboard.png"), fullPage: true });
  check(full.length > 20000, "screenshot: dashboard.png saved", `${full.length} bytes`);
  const mapPng = await page.locator("#map").screenshot({ path: path.join(outDir, "map.png") });
  const mapColours = await countColours(page, mapPng, ["#d62728", "#dcd6c8"]);
  check(mapColours["#d62728"] > 60, "screenshot: map markers drawn (red pixels)", JSON.stringify(mapColours));
  check(mapColours["#dcd6c8"] > 5000, "screenshot: land drawn", JSON.stringify(mapColours));
  const tlPng = await page.locator("#timeline").screenshot({ path: path.join(outDir, "timeline.png") });
  // Each direction's colour, as drawn in lines or as points (75% opaque over white).
  const tlColours = await countColours(page, tlPng, ["#1f77b4", "#5799c7", "#ff7f0e", "#ff9f4a"]);
  check(
    tlColours["#1f77b4"] + tlColours["#5799c7"] > 60 && tlColours["#ff7f0e"] + tlColours["#ff9f4a"] > 60,
    "screenshot: both directions drawn",
    JSON.stringify(tlColours),
  );

  // --- click an event: its sentence with source, target and trigger highlighted
  const expectEvent = async (rowText, want, shot) => {
    await page.locator("#dyad-events tbody tr", { hasText: rowText }).first().click();
    await page.waitForFunction(
      (rule) => [...document.querySelectorAll("#event-view code.rule")].some((c) => c.textContent === rule),
      want.rule,
      { timeout: 10000 },
    );
    const got = await page.$eval("#event-view .mention", (m) => ({
      sentence: m.querySelector("blockquote.sentence").textContent,
      source: [...m.querySelectorAll("mark.hl-source")].map((x) => x.textContent),
      target: [...m.querySelectorAll("mark.hl-target")].map((x) => x.textContent),
      trigger: [...m.querySelectorAll("mark.hl-trigger")].map((x) => x.textContent),
      rule: m.querySelector("code.rule").textContent,
    }));
    check(got.sentence.includes(want.sentence), `event view (${rowText}): the sentence`, got.sentence);
    check(JSON.stringify(got.source) === JSON.stringify([want.source]), `event view (${rowText}): source highlighted`, JSON.stringify(got));
    check(JSON.stringify(got.target) === JSON.stringify([want.target]), `event view (${rowText}): target highlighted`, JSON.stringify(got));
    check(JSON.stringify(got.trigger) === JSON.stringify([want.trigger]), `event view (${rowText}): trigger highlighted`, JSON.stringify(got));
    check(got.rule === want.rule, `event view (${rowText}): the rule that fired`, got.rule);
    const png = await page.locator("#event-view").screenshot({ path: path.join(outDir, shot) });
    const c = await countColours(page, png, ["#cfe3ff", "#ffe0b8", "#c9f2c9"]);
    check(Object.values(c).every((n) => n > 100), `screenshot: ${shot} shows the three highlight colours`, JSON.stringify(c));
  };
  for (const want of EXPECT.events) await expectEvent(want.row, want, want.shot);
  await page.screenshot({ path: path.join(outDir, "dashboard_event.png"), fullPage: true });

  check(outside.length === 0, "nothing loaded from outside the server (no tiles, fonts, scripts)", outside.join(" "));
  check(problems.length === 0, "no page or console errors", problems.join(" | "));

  // --- a bad filter shows the API's error instead of breaking the page
  await page.fill("#filters [name=from]", "2023-13");
  await page.click("#filters button[type=submit]");
  await page.waitForSelector("#error:not([hidden])", { timeout: 10000 });
  const err = await page.textContent("#error");
  check(/from/.test(err), "a bad filter shows the server's message", err);

}

let code = 0;
try {
  await main();
} catch (e) {
  failed++;
  console.log(`FAIL  ${e.stack || e}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) server.kill("SIGTERM");
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`screenshots in ${outDir}`);
console.log(`${passed} passed, ${failed} failed`);
code = failed ? 1 : 0;
process.exit(code);
