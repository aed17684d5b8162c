// The draft drawn as tracks: video, audio and text lanes with their segments to scale.

const KINDS = { 0: 'video', 1: 'audio', 7: 'text' };

/**
 * Renders the tracks into `box`. Photo loops are buttons (choosing which loop the editor shows);
 * `selected` is the index of the chosen loop among the video segments.
 */
export function renderTimeline(box, draft, selected, onSelect) {
  box.replaceChildren();
  const total = Math.max(1, draft?.d || 0);
  const tracks = draft?.t || [];
  if (!tracks.length) {
    const p = document.createElement('p');
    p.className = 'desc';
    p.textContent = 'Nothing on the timeline yet.';
    box.append(p);
    return;
  }
  let videoIndex = 0;
  tracks.forEach((track, ti) => {
    const kind = KINDS[track.tt] || 'other';
    const row = document.createElement('div');
    row.className = 'track';
    row.dataset.kind = kind;
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = track.m?.name || kind[0].toUpperCase() + kind.slice(1);
    const lane = document.createElement('div');
    lane.className = 'lane';
    lane.setAttribute('role', 'group');
    lane.setAttribute('aria-label', `${label.textContent} track`);
    (track.sg || []).forEach(seg => {
      const m = seg.m || {};
      const isLoop = kind === 'video' && m.kind === 'loop';
      const el = document.createElement(isLoop ? 'button' : 'div');
      el.className = `seg ${kind}`;
      const name = kind === 'text' ? `“${m.text}”` : m.name || m.media || kind;
      const range = `${fmt(seg.s)}–${fmt(seg.s + seg.d)} s`;
      el.textContent = `${name} · ${range}`;
      el.title = `${name}, ${range}` + (kind === 'audio' && m.volume !== undefined ? `, volume ${Math.round(m.volume * 100)}%` : '');
      el.style.left = `${(100 * seg.s) / total}%`;
      el.style.width = `${Math.max(2, (100 * seg.d) / total)}%`;
      if (kind === 'video') {
        const index = videoIndex++;
        if (isLoop) {
          el.type = 'button';
          el.setAttribute('aria-pressed', String(index === selected));
          el.setAttribute('aria-label', `Edit the loop of ${name}, ${range}`);
          el.addEventListener('click', () => onSelect(index));
        }
      }
      lane.append(el);
    });
    row.append(label, lane);
    box.append(row);
  });
}

function fmt(ms) {
  return (Math.round(ms / 100) / 10).toString();
}
