import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
const root = process.env.ROOT ?? '/work/wt/share/dist';
const types: Record<string,string> = {'.html':'text/html; charset=utf-8','.js':'text/javascript','.css':'text/css','.svg':'image/svg+xml','.png':'image/png','.json':'application/json'};
const srv = createServer(async (req, res) => { let p = join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname)); try { if ((await stat(p)).isDirectory()) p = join(p, 'index.html'); res.writeHead(200, {'content-type': types[extname(p)] ?? 'application/octet-stream'}).end(await readFile(p)); } catch { res.writeHead(404).end(); } });
await new Promise<void>(r => srv.listen(0, '127.0.0.1', r)); const port = (srv.address() as any).port;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[390, 844], [1440, 900]]) {
  const p = await b.newPage({ viewport: { width: w, height: h } });
  await p.goto(`http://127.0.0.1:${port}/#linxian`);
  await p.waitForSelector('#linxian [data-share-copy][data-ready]', { state: 'attached', timeout: 30000 });
  await p.locator('#linxian .chapter-share summary').click();
  await p.locator('#linxian .chapter-share img').evaluate((i: HTMLImageElement) => i.decode());
  await p.locator('#linxian .chapter-share').scrollIntoViewIfNeeded();
  console.log(w, await p.locator('#linxian [data-share-url]').inputValue());
  await p.screenshot({ path: `/tmp/share-${w}.png` });
  await p.close();
}
await b.close(); srv.close();
