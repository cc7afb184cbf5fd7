/** Saves a file through the browser's normal download flow. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "offer-courier-2026-11-24.json" */
export function datedFileName(extension: string, now = new Date()): string {
  return `offer-courier-${now.toISOString().slice(0, 10)}.${extension}`;
}
