import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
const root = process.env.ROOT ?? '/work/wt/share/dist';
const types: Record<string,string> = {'.html':'text/html; charset=utf-8','.js':'text/javascript','.css':'text/css','.svg':'image/svg+xml','.png':'image/png','.json':'application/json'};
const srv = createServer(async (req, res) => { let p = join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname)); try { if ((await stat(p)).isDirectory()) p = join(p, 'index.html'); res.writeHead(200, {'content-type': types[extname(p)] ?? 'application/octet-stream'}).end(await readFile(p)); } catch { res.writeHead(404).end(); } });
await new Promise<void>(r => srv.listen(0, '127.0.0.1', r)); const port = (srv.address() as any).port;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const w of [320, 600, 1000]) {
  const p = await b.newPage({ viewport: { width: w, height: 874 } });
  await p.goto(`http://127.0.0.1:${port}/en/embed/`);
  await p.locator('button[data-embed-open="embed-incidence-before"]').click();
  await p.waitForTimeout(500);
  const m = await p.evaluate(() => { const d = document.querySelector('dialog[open]')!; const c = d.querySelector('button[data-copy="iframe"]')!.getBoundingClientRect(); return { copyBottom: c.bottom, dialogH: d.getBoundingClientRect().height, scroll: d.scrollHeight }; });
  console.log(w, JSON.stringify(m));
  await p.screenshot({ path: `/tmp/dlg-${w}.png` });
  await p.close();
}
await b.close(); srv.close();
