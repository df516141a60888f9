/** Copies a field's text, and says so in `status` (beside the button pressed). */
export async function copyText(
  field: HTMLTextAreaElement | HTMLInputElement,
  status: HTMLElement,
  say: { copied: string; manual: string },
): Promise<void> {
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = say.copied;
  } catch {
    // No async clipboard (http, old browser, permission refused): select the text for Ctrl+C.
    field.focus();
    field.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    status.textContent = copied ? say.copied : say.manual;
  }
}
