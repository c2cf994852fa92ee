/**
 * Downloads `content` as a file (a Blob URL on a temporary link); nothing where the webview has
 * no Blob URLs.
 */
export function download(file: string, content: string | Uint8Array, type: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
