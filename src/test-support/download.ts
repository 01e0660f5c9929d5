import { waitUntil } from '@open-wc/testing';

export interface OfferedFile {
  name: string;
  body: string;
}

/**
 * Runs `click` (which makes the page offer files through a link click, as `downloadExport` and the
 * calendar file do) and returns the files offered, read back: their names and their texts.
 */
export async function offeredFiles(click: () => void | Promise<void>, count = 1): Promise<OfferedFile[]> {
  const original = HTMLAnchorElement.prototype.click;
  const links: HTMLAnchorElement[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    links.push(this);
  };
  try {
    await click();
    await waitUntil(() => links.length >= count, `${count} download(s) expected, ${links.length} offered`);
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  return Promise.all(links.map(async (link) => ({ name: link.download, body: await (await fetch(link.href)).text() })));
}

/** The one file `click` offers. */
export async function offeredFile(click: () => void | Promise<void>): Promise<OfferedFile> {
  return (await offeredFiles(click))[0];
}
