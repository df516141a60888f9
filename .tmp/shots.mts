import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
const root = process.env.ROOT ?? '/work/wt/share/dist';
const types: Record<string,string> = {'.html':'text/html; charset=utf-8','.js':'text/javascript','.css':'text/css','.svg':'image/svg+xml','.png':'image/png','.json':'application/json'};
const srv = createServer(async (req, res) => { let p = join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname)); try { if ((await stat(p)).isDirectory()) p = join(p, 'index.html'); res.writeHead(200, {'content-type': types[extname(p)] ?? 'application/octet-stream'}).end(await readFile(p)); } catch { res.writeHead(404).end(); } });
await new Promise<void>(r => srv.listen(0, '127.0.0.1', r)); const port = (srv.address() as any).port;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const jobs = process.argv.slice(2);
for (const j of jobs) {
  const [path, w, name] = j.split(',');
  const p = await b.newPage({ viewport: { width: Number(w), height: 900 } });
  await p.goto(`http://127.0.0.1:${port}` + path);
  await p.waitForTimeout(800);
  const m = await p.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth, h: document.documentElement.scrollHeight, over: [...document.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').map(e => e.className + ':' + (e.scrollWidth - e.clientWidth)).slice(0, 5), title: (document.querySelector('.embed-title') as HTMLElement | null)?.getBoundingClientRect().height }));
  console.log(name, JSON.stringify(m));
  await p.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  await p.close();
}
await b.close(); srv.close();
