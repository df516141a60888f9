/**
 * Printing the story with JavaScript on: the maps each chapter brings in live in <noscript> (for
 * readers without JavaScript), which a scripted page does not render. They are copied out as
 * lazy images, hidden on screen (so nothing is downloaded while reading) and shown by
 * src/styles/print.css; browsers load lazy images before they print.
 */
function stepMapsForPrint(): void {
  for (const ns of document.querySelectorAll('.step noscript')) {
    if (ns.nextElementSibling?.classList.contains('print-step-map')) continue;
    const t = document.createElement('template');
    t.innerHTML = ns.textContent ?? '';
    const img = t.content.querySelector('img.step-map');
    if (!(img instanceof HTMLImageElement)) continue;
    img.classList.add('print-step-map');
    img.loading = 'lazy';
    ns.after(img);
  }
}

stepMapsForPrint();
addEventListener('beforeprint', stepMapsForPrint);
