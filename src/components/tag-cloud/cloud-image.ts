/**
 * The cloud as a picture file: the SVG the element shows, with its colours and font written into
 * it (a file has no style sheet), or the same drawn onto a canvas as PNG.
 */

function standalone(source: SVGSVGElement): string {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const { width, height } = source.viewBox.baseVal;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const background = getComputedStyle(source).getPropertyValue('--_surface').trim() || getComputedStyle(source.parentElement ?? source).backgroundColor;
  const texts = source.querySelectorAll('text');
  copy.querySelectorAll('text').forEach((text, index) => {
    const style = getComputedStyle(texts[index]!);
    text.setAttribute('fill', style.fill);
    text.setAttribute('font-family', style.fontFamily);
    text.setAttribute('font-weight', style.fontWeight);
    text.setAttribute('transform', texts[index]!.style.transform.replace(/px/g, '').replace(/deg/g, ''));
    for (const name of ['style', 'tabindex', 'role', 'class', 'data-key', 'aria-label']) text.removeAttribute(name);
  });
  for (const node of copy.querySelectorAll(':not(text)')) if (node.namespaceURI !== 'http://www.w3.org/2000/svg') node.remove();
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background || '#ffffff');
  copy.insertBefore(rect, copy.firstChild);
  // Lit's comment markers are of no use in a file.
  return new XMLSerializer().serializeToString(copy).replace(/<!--[^>]*-->/g, '');
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The SVG text of the cloud as a file would hold it. */
export function cloudSvg(source: SVGSVGElement): string {
  return standalone(source);
}

/** Saves the cloud as `name`.svg or, drawn at twice its size, `name`.png. */
export async function downloadCloudImage(source: SVGSVGElement, format: 'svg' | 'png', name: string): Promise<void> {
  const text = standalone(source);
  const blob = new Blob([text], { type: 'image/svg+xml' });
  if (format === 'svg') return save(blob, `${name}.svg`);
  const { width, height } = source.viewBox.baseVal;
  const image = new Image();
  const url = URL.createObjectURL(blob);
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (png) save(png, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
