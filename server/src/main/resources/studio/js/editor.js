// Drawing on the photo, in photo coordinates: arrows and anchors (SVG, so they scale with the
// photo and can be inspected), the freeze brush (a mask canvas the size of the photo's shape),
// the recipe's moving areas as a tint, and the frame of the current aspect as a shaded crop.

import { frameWindow } from './recipe.js';

const SVG = 'http://www.w3.org/2000/svg';
const MASK_SIDE = 512;
const MOVING = 'rgba(0, 180, 170, 0.45)';
const FROZEN = 'rgba(230, 40, 90, 0.55)';

export class PhotoEditor {
  /** @param onChange called after every finished stroke, arrow, anchor, undo or clear */
  constructor(doc, onChange) {
    this.img = doc.getElementById('photo');
    this.areas = doc.getElementById('areas');
    this.freeze = doc.getElementById('freeze');
    this.svg = doc.getElementById('marks');
    this.showAreas = doc.getElementById('show-areas');
    this.size = doc.getElementById('brush-size');
    this.onChange = onChange;
    this.arrows = [];
    this.anchors = [];
    this.undoStack = [];
    this.cursor = { x: 0.5, y: 0.5 };
    this.pending = null;
    this.aspect = '16:9';
    this.recipe = null;
    this.maskImages = new Map();
    this.mask = document.createElement('canvas');
    this.tool = 'arrow';
    doc.querySelectorAll('input[name=tool]').forEach(r => r.addEventListener('change', () => { this.tool = r.value; this.pending = null; this.draw(); }));
    this.showAreas.addEventListener('change', () => this.drawAreas());
    doc.getElementById('undo').addEventListener('click', () => this.undo());
    doc.getElementById('clear').addEventListener('click', () => this.clear());
    this.svg.addEventListener('pointerdown', e => this.down(e));
    this.svg.addEventListener('pointermove', e => this.move(e));
    this.svg.addEventListener('pointerup', e => this.up(e));
    this.svg.addEventListener('pointercancel', () => { this.stroke = null; this.pending = null; this.draw(); });
    this.svg.addEventListener('keydown', e => this.key(e));
    this.svg.addEventListener('focus', () => this.draw());
    this.svg.addEventListener('blur', () => this.draw());
    new ResizeObserver(() => this.resize()).observe(this.img);
  }

  /** Shows a photo (its upright size in pixels) with the guidance of its recipe. */
  async load(url, width, height, recipe, aspect, guidance) {
    const same = this.url === url;
    this.url = url;
    this.w = width;
    this.h = height;
    this.vw = 1000;
    this.vh = 1000 * height / width;
    this.svg.setAttribute('viewBox', `0 0 ${this.vw} ${this.vh}`);
    this.svg.setAttribute('preserveAspectRatio', 'none');
    if (!same) {
      this.img.src = url;
      await this.img.decode().catch(() => {});
    }
    this.mask.width = width >= height ? MASK_SIDE : Math.round(MASK_SIDE * width / height);
    this.mask.height = width >= height ? Math.round(MASK_SIDE * height / width) : MASK_SIDE;
    this.arrows = guidance.arrows.map(a => ({ ...a }));
    this.anchors = guidance.anchors.map(p => ({ ...p }));
    this.undoStack = [];
    this.aspect = aspect;
    this.recipe = recipe;
    const ctx = this.mask.getContext('2d');
    ctx.clearRect(0, 0, this.mask.width, this.mask.height);
    if (guidance.mask) ctx.drawImage(await this.alphaOf(guidance.mask), 0, 0, this.mask.width, this.mask.height);
    this.resize();
  }

  /** A new recipe or aspect from elsewhere (chat, controls): the tint and the frame follow; the drawing stays. */
  update(recipe, aspect) {
    this.recipe = recipe;
    this.aspect = aspect;
    this.drawAreas();
    this.draw();
  }

  guidance() {
    return { arrows: this.arrows.map(a => ({ ...a })), anchors: this.anchors.map(p => ({ ...p })) };
  }

  /** The freeze brush as a grey PNG (white = held still) over the whole photo, or null when nothing is painted. */
  maskUrl() {
    const { width, height } = this.mask;
    if (!width) return null;
    const data = this.mask.getContext('2d').getImageData(0, 0, width, height).data;
    let any = false;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 8) { any = true; break; }
    if (!any) return null;
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const c = out.getContext('2d');
    c.fillStyle = '#000';
    c.fillRect(0, 0, width, height);
    c.drawImage(this.mask, 0, 0);
    return out.toDataURL('image/png');
  }

  // ---- input ----

  at(e) {
    const r = this.svg.getBoundingClientRect();
    return { x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height) };
  }

  down(e) {
    if (e.button !== 0) return;
    this.svg.setPointerCapture(e.pointerId);
    const p = this.at(e);
    this.cursor = p;
    if (this.tool === 'arrow') {
      this.pending = { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
    } else if (this.tool === 'anchor') {
      this.remember();
      this.anchors.push(p);
      this.changed();
    } else {
      this.remember();
      this.stroke = p;
      this.paint(p, p);
    }
    this.draw();
  }

  move(e) {
    const p = this.at(e);
    if (this.pending && this.tool === 'arrow' && e.buttons) {
      this.pending.x2 = p.x;
      this.pending.y2 = p.y;
      this.draw();
    } else if (this.stroke && e.buttons) {
      this.paint(this.stroke, p);
      this.stroke = p;
    }
  }

  up(e) {
    if (this.pending && this.tool === 'arrow') {
      const p = this.at(e);
      this.pending.x2 = p.x;
      this.pending.y2 = p.y;
      this.finishArrow();
    } else if (this.stroke) {
      this.stroke = null;
      this.changed();
    }
  }

  key(e) {
    const step = e.shiftKey ? 0.1 : 0.02;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      const [dx, dy] = moves[e.key];
      const from = { ...this.cursor };
      this.cursor = { x: clamp(this.cursor.x + dx), y: clamp(this.cursor.y + dy) };
      if (this.pending) { this.pending.x2 = this.cursor.x; this.pending.y2 = this.cursor.y; }
      if (this.keyStroke) this.paint(from, this.cursor);
      this.draw();
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (this.tool === 'arrow') {
        if (this.pending) this.finishArrow();
        else this.pending = { x1: this.cursor.x, y1: this.cursor.y, x2: this.cursor.x, y2: this.cursor.y };
      } else if (this.tool === 'anchor') {
        this.remember();
        this.anchors.push({ ...this.cursor });
        this.changed();
      } else if (this.keyStroke) {
        this.keyStroke = false;
        this.changed();
      } else {
        // Enter starts a stroke that follows the cursor; the next Enter ends it.
        this.remember();
        this.keyStroke = true;
        this.paint(this.cursor, this.cursor);
      }
      this.draw();
    } else if (e.key === 'Escape') {
      this.pending = null;
      if (this.keyStroke) { this.keyStroke = false; this.changed(); }
      this.draw();
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      this.undo();
    } else {
      return;
    }
    e.preventDefault();
  }

  finishArrow() {
    const a = this.pending;
    this.pending = null;
    if (Math.hypot(a.x2 - a.x1, a.y2 - a.y1) >= 0.015) {
      this.remember();
      this.arrows.push(a);
      this.changed();
    }
    this.draw();
  }

  paint(from, to) {
    const c = this.mask.getContext('2d');
    const { width, height } = this.mask;
    c.save();
    c.globalCompositeOperation = this.tool === 'eraser' ? 'destination-out' : 'source-over';
    c.strokeStyle = '#fff';
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.lineWidth = Math.max(width, height) * Number(this.size.value) / 100;
    c.beginPath();
    c.moveTo(from.x * width, from.y * height);
    c.lineTo(to.x * width + 0.01, to.y * height);
    c.stroke();
    c.restore();
    this.drawFreeze();
  }

  remember() {
    const { width, height } = this.mask;
    this.undoStack.push({ arrows: this.arrows.map(a => ({ ...a })), anchors: this.anchors.map(p => ({ ...p })),
      mask: width ? this.mask.getContext('2d').getImageData(0, 0, width, height) : null });
    if (this.undoStack.length > 50) this.undoStack.shift();
  }

  undo() {
    const last = this.undoStack.pop();
    if (!last) return;
    this.arrows = last.arrows;
    this.anchors = last.anchors;
    if (last.mask) this.mask.getContext('2d').putImageData(last.mask, 0, 0);
    this.drawFreeze();
    this.draw();
    this.onChange();
  }

  clear() {
    this.remember();
    this.arrows = [];
    this.anchors = [];
    this.mask.getContext('2d').clearRect(0, 0, this.mask.width, this.mask.height);
    this.drawFreeze();
    this.draw();
    this.onChange();
  }

  changed() {
    this.draw();
    this.onChange();
  }

  // ---- drawing ----

  resize() {
    const r = this.img.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    for (const c of [this.areas, this.freeze]) {
      c.width = Math.max(1, Math.round(r.width * dpr));
      c.height = Math.max(1, Math.round(r.height * dpr));
    }
    this.drawAreas();
    this.drawFreeze();
    this.draw();
  }

  drawFreeze() {
    const c = this.freeze.getContext('2d');
    c.clearRect(0, 0, this.freeze.width, this.freeze.height);
    if (!this.mask.width) return;
    c.drawImage(this.mask, 0, 0, this.freeze.width, this.freeze.height);
    c.globalCompositeOperation = 'source-in';
    c.fillStyle = FROZEN;
    c.fillRect(0, 0, this.freeze.width, this.freeze.height);
    c.globalCompositeOperation = 'source-over';
  }

  /** Tints where the recipe's layers move; what stays clear is the still part of the photo. */
  async drawAreas() {
    const token = (this.areasToken = (this.areasToken || 0) + 1);
    const W = this.areas.width, H = this.areas.height;
    const layer = document.createElement('canvas');
    layer.width = W;
    layer.height = H;
    const c = layer.getContext('2d');
    const r = this.recipe;
    if (r && this.showAreas.checked) {
      const local = (r.layers || []).filter(l => l.kind !== 'flow' && l.kind !== 'parallax');
      if (!local.length && (r.camera || (r.layers || []).some(l => l.kind === 'parallax'))) {
        c.fillStyle = '#fff';
        c.fillRect(0, 0, W, H); // a camera move or parallax moves every pixel
      }
      for (const l of local) await this.fillArea(c, l.area || { band: defaultBand(l.kind) }, W, H);
    }
    if (token !== this.areasToken) return;
    const out = this.areas.getContext('2d');
    out.clearRect(0, 0, W, H);
    out.drawImage(layer, 0, 0);
    out.globalCompositeOperation = 'source-in';
    out.fillStyle = MOVING;
    out.fillRect(0, 0, W, H);
    out.globalCompositeOperation = 'source-over';
  }

  async fillArea(c, a, W, H) {
    c.fillStyle = '#fff';
    if (a.band === 'whole') c.fillRect(0, 0, W, H);
    if (a.band === 'upper' || a.band === 'lower') {
      const g = c.createLinearGradient(0, 0, 0, H);
      const [f, t, before, after] = a.band === 'upper' ? [0.28, 0.42, 1, 0] : [0.5, 0.65, 0, 1];
      g.addColorStop(0, `rgba(255,255,255,${before})`);
      g.addColorStop(f, `rgba(255,255,255,${before})`);
      g.addColorStop(t, `rgba(255,255,255,${after})`);
      g.addColorStop(1, `rgba(255,255,255,${after})`);
      c.fillStyle = g;
      c.fillRect(0, 0, W, H);
      c.fillStyle = '#fff';
    }
    for (const [x, y, w, h] of a.rects || []) c.fillRect(x * W, y * H, w * W, h * H);
    for (const poly of a.polygons || []) {
      c.beginPath();
      poly.forEach(([x, y], i) => (i ? c.lineTo(x * W, y * H) : c.moveTo(x * W, y * H)));
      c.closePath();
      c.fill();
    }
    if (a.mask) c.drawImage(await this.alphaOf(a.mask), 0, 0, W, H);
  }

  /** A grey mask (bright = inside) as white with that brightness as alpha. Cached per URL. */
  alphaOf(url) {
    if (!this.maskImages.has(url)) {
      this.maskImages.set(url, new Promise(resolve => {
        const im = new Image();
        im.onload = () => {
          const cv = document.createElement('canvas');
          cv.width = im.naturalWidth;
          cv.height = im.naturalHeight;
          const c = cv.getContext('2d');
          c.drawImage(im, 0, 0);
          const d = c.getImageData(0, 0, cv.width, cv.height);
          for (let i = 0; i < d.data.length; i += 4) {
            d.data[i + 3] = d.data[i];
            d.data[i] = d.data[i + 1] = d.data[i + 2] = 255;
          }
          c.putImageData(d, 0, 0);
          resolve(cv);
        };
        im.onerror = () => resolve(document.createElement('canvas'));
        im.src = url;
      }));
    }
    return this.maskImages.get(url);
  }

  /** The SVG layer: the frame of the aspect (shade outside it), frozen shapes, arrows, anchors, the keyboard cursor. */
  draw() {
    if (!this.w) return;
    const X = v => v * this.vw, Y = v => v * this.vh;
    const f = frameWindow(this.w, this.h, this.aspect);
    const parts = [];
    parts.push(`<defs><marker id="head" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">` +
      `<path d="M0,0 L10,5 L0,10 z" fill="#fff" stroke="#111" stroke-width="1"/></marker></defs>`);
    parts.push(`<path class="shade" fill="rgba(0,0,0,.55)" fill-rule="evenodd" d="M0,0H${this.vw}V${this.vh}H0Z M${X(f.x)},${Y(f.y)}h${X(f.w)}v${Y(f.h)}h${-X(f.w)}Z"/>`);
    parts.push(`<rect id="frame-rect" data-aspect="${this.aspect}" x="${X(f.x)}" y="${Y(f.y)}" width="${X(f.w)}" height="${Y(f.h)}" fill="none" stroke="#fff" stroke-dasharray="8 6" stroke-width="2"/>`);
    for (const [x, y, w, h] of this.recipe?.freeze?.rects || []) {
      parts.push(`<rect class="frozen-shape" x="${X(x)}" y="${Y(y)}" width="${X(w)}" height="${Y(h)}" fill="${FROZEN}"/>`);
    }
    for (const poly of this.recipe?.freeze?.polygons || []) {
      parts.push(`<polygon class="frozen-shape" points="${poly.map(([x, y]) => `${X(x)},${Y(y)}`).join(' ')}" fill="${FROZEN}"/>`);
    }
    const arrow = (a, cls) => `<g class="${cls}"><line x1="${X(a.x1)}" y1="${Y(a.y1)}" x2="${X(a.x2)}" y2="${Y(a.y2)}" stroke="#111" stroke-width="9" stroke-linecap="round" opacity=".5"/>` +
      `<line class="arrow-line" x1="${X(a.x1)}" y1="${Y(a.y1)}" x2="${X(a.x2)}" y2="${Y(a.y2)}" stroke="#fff" stroke-width="5" stroke-linecap="round" marker-end="url(#head)"/></g>`;
    this.arrows.forEach(a => parts.push(arrow(a, 'arrow')));
    if (this.pending) parts.push(arrow(this.pending, 'arrow pending'));
    for (const p of this.anchors) {
      parts.push(`<circle class="anchor" cx="${X(p.x)}" cy="${Y(p.y)}" r="12" fill="#f5a623" stroke="#111" stroke-width="3"/>`);
    }
    if (document.activeElement === this.svg) {
      const cx = X(this.cursor.x), cy = Y(this.cursor.y);
      parts.push(`<g class="cursor" stroke="#f5a623" stroke-width="3"><line x1="${cx - 18}" y1="${cy}" x2="${cx + 18}" y2="${cy}"/><line x1="${cx}" y1="${cy - 18}" x2="${cx}" y2="${cy + 18}"/></g>`);
    }
    this.svg.innerHTML = parts.join('');
  }
}

function clamp(v) {
  return Math.max(0, Math.min(1, v));
}

function defaultBand(kind) {
  return kind === 'drift' ? 'upper' : kind === 'ripple' ? 'lower' : 'whole';
}
