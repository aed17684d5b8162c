// The loop's player: the poster as soon as it exists, then the 480p preview looping, followed by
// long polls until it is ready; the draft's titles drawn over it as a guide.

const WORDS = {
  queued: () => 'Preview queued…',
  waiting: p => `Preview waits ${Math.ceil((p.retry_after_ms || 0) / 1000)} s (many changes in a row)…`,
  rendering: () => 'Rendering the preview…',
  poster: () => 'First frame ready; rendering the loop…',
  ready: () => 'Preview ready: 480p, looping.',
  failed: p => 'The preview failed: ' + (p.error || 'unknown error'),
  cancelled: () => 'A newer change replaced this preview.',
};

export class Player {
  constructor(doc, api, onError) {
    this.video = doc.getElementById('player');
    this.poster = doc.getElementById('poster');
    this.empty = doc.getElementById('player-empty');
    this.status = doc.getElementById('preview-status');
    this.captionBox = doc.getElementById('captions');
    this.api = api;
    this.onError = onError;
    this.generation = 0;
    this.shownVideo = null;
    this.shownPoster = null;
    this.texts = () => ({ draft: null, loop: null });
    this.video.addEventListener('timeupdate', () => this.captions());
  }

  /** Shows a preview and follows it until it is ready, unless a newer one is followed meanwhile. */
  async follow(p) {
    const gen = ++this.generation;
    for (;;) {
      await this.show(p, gen);
      if (['ready', 'failed', 'cancelled'].includes(p.status) || gen !== this.generation) return;
      try {
        p = await this.api.previewStatus(p.status_url, p.status, 20000);
      } catch (e) {
        if (gen === this.generation) this.status.textContent = 'The preview could not be followed; it will show after the next change.';
        return;
      }
    }
  }

  async show(p, gen) {
    if (gen !== this.generation) return;
    this.status.textContent = (WORDS[p.status] || (() => p.status))(p);
    try {
      if (p.url && this.shownVideo !== p.url) {
        const url = await this.api.blobUrl(p.url);
        if (gen !== this.generation) return;
        this.shownVideo = p.url;
        this.video.src = url;
        this.video.dataset.key = p.key;
        this.video.hidden = false;
        this.poster.hidden = true;
        this.empty.hidden = true;
        this.video.play().catch(() => {});
      } else if (!p.url && p.poster_url && this.shownPoster !== p.poster_url) {
        const url = await this.api.blobUrl(p.poster_url);
        if (gen !== this.generation) return;
        this.shownPoster = p.poster_url;
        this.poster.src = url;
        this.poster.dataset.key = p.key;
        this.poster.hidden = false;
        this.video.hidden = true;
        this.video.removeAttribute('src');
        this.shownVideo = null;
        this.empty.hidden = true;
      }
    } catch (e) {
      this.onError(e);
    }
    this.captions();
  }

  /**
   * The draft's texts over the playing preview at the draft's time of this loop, sized like the
   * export sizes them (a fraction of the frame height): the preview is the loop alone.
   */
  captions() {
    const { draft, loop } = this.texts();
    const spans = [];
    if (draft && loop && !this.video.hidden) {
      const t = (loop.segment.s || 0) + this.video.currentTime * 1000;
      for (const track of draft.t || []) {
        if (track.tt !== 7) continue;
        for (const seg of track.sg || []) {
          if (t < seg.s || t >= seg.s + seg.d) continue;
          spans.push(caption(seg.m || {}));
        }
      }
    }
    this.captionBox.replaceChildren(...spans);
  }
}

function caption(m) {
  const span = document.createElement('span');
  span.textContent = m.text || '';
  span.style.fontSize = `${(m.size || 0.06) * 100}cqh`;
  span.style.color = m.color || '#fff';
  if (m.y !== undefined) span.style.top = `${m.y * 100}%`;
  else if (m.position === 'top') span.style.top = '6%';
  else if (m.position === 'bottom') span.style.bottom = '6%';
  else {
    span.style.top = '50%';
    span.style.transform = 'translate(-50%, -50%)';
  }
  if (m.x !== undefined) span.style.left = `${m.x * 100}%`;
  return span;
}
