// The studio: one page over the HTTP API. The chat and direct manipulation edit one draft; every
// edit that changes a loop gets a quick preview from the server, shown as soon as it exists.

import { Api, ApiError } from './api.js';
import { friendly } from './errors.js';
import { PhotoEditor } from './editor.js';
import { renderTimeline } from './timeline.js';
import { Player } from './player.js';
import * as R from './recipe.js';

const $ = id => document.getElementById(id);
const api = new Api();
/** Formats Chromium shows as <img>; others (HEIC) are shown through their JPEG thumbnail. */
const DISPLAYABLE = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp']);

const app = {
  draft: null, version: 0, media: [], previews: [], selected: 0, styles: new Map(),
  dirty: 0, saving: null, saveTimer: null, editorLoop: null,
};

const editor = new PhotoEditor(document, () => scheduleSave('drawing'));

// ---- notices ----

function notice(err, context) {
  const f = err instanceof ApiError ? friendly(err, context) : { title: 'That did not work.', text: String(err.message || err) };
  $('notice-title').textContent = f.title;
  $('notice-text').textContent = f.text;
  const link = $('notice-link');
  link.hidden = !f.link;
  if (f.link) {
    link.href = f.link.href;
    link.textContent = f.link.label;
    link.target = '_blank';
    link.rel = 'noopener';
  }
  $('notice').hidden = false;
  if (!(err instanceof ApiError)) console.error(err);
}
$('notice-close').addEventListener('click', () => { $('notice').hidden = true; });

// ---- state ----

async function credits() {
  try {
    const b = await api.balance();
    $('credits').textContent = `Credits: ${b.available} available` + (b.frozen ? ` · ${b.frozen} held for an export` : '');
  } catch (e) {
    $('credits').textContent = 'Credits: unknown';
  }
}

async function loadState(resetDrawing = true) {
  const s = await api.state();
  app.draft = s.state.draft;
  app.version = s.draft_version;
  app.media = s.state.video_infos || [];
  app.previews = (s.state.generated_media || []).filter(g => g.kind === 'preview');
  $('summary').textContent = s.summary;
  renderMedia();
  render(resetDrawing);
}

function currentLoop() {
  const all = R.loops(app.draft);
  return all.find(l => l.index === app.selected) || all[0] || null;
}

function render(resetDrawing) {
  const loop = currentLoop();
  if (loop) app.selected = loop.index;
  renderTimeline($('tracks'), app.draft, app.selected, i => { app.selected = i; render(true); });
  const seconds = (app.draft?.d || 0) / 1000;
  $('price').textContent = seconds > 0
    ? `An MP4 of the whole timeline (${seconds.toFixed(1)} s), titles and music included: ${Math.max(1, Math.ceil(seconds / 10))} credit${Math.ceil(seconds / 10) > 1 ? 's' : ''}.`
    : 'An MP4 of the whole timeline, titles and music included.';
  player.captions();
  $('export').disabled = !(app.draft?.t || []).some(t => t.tt === 0 && t.sg?.length);
  $('editor').hidden = !loop;
  if (!loop) {
    $('player-empty').hidden = false;
    $('player-empty').textContent = app.media.some(m => m.kind === 'image') ? 'Choose “Add loop” beside a photo, or ask in the chat.' : 'Upload a photo to see it move.';
    return;
  }
  showEditor(loop, resetDrawing);
  const p = app.previews.find(x => x.segment === loop.index);
  if (p) player.follow(p);
}

async function showEditor(loop, resetDrawing) {
  const m = loop.m;
  const media = app.media.find(x => x.id === m.media);
  const recipe = m.recipe || null;
  $('aspect').value = app.draft.m?.aspect || '16:9';
  $('duration').value = String(m.loop_ms || 6000);
  if (![...$('duration').options].some(o => o.value === $('duration').value)) {
    $('duration').add(new Option(`${(m.loop_ms / 1000).toFixed(1)} s`, String(m.loop_ms)));
    $('duration').value = String(m.loop_ms);
  }
  const s = R.strength(recipe);
  $('strength').value = String(s);
  $('strength-out').textContent = s.toFixed(1);
  $('style').value = app.styles.get(m.media) || (recipe?.notes?.length ? 'auto' : m.style || 'auto');
  $('recipe-desc').textContent = R.describe(recipe);
  if (!media) return;
  const same = app.editorLoop === `${loop.index}:${m.media}`;
  if (resetDrawing || !same) {
    app.editorLoop = `${loop.index}:${m.media}`;
    const url = await api.blobUrl(DISPLAYABLE.has(media.format) ? media.url : media.thumbnail_url || media.url);
    $('photo').alt = `The photo ${media.name || ''}: draw on it`;
    await editor.load(url, media.width || 1, media.height || 1, recipe, $('aspect').value, R.guidance(recipe));
  } else {
    editor.update(recipe, $('aspect').value);
  }
}

// ---- previews ----

const player = new Player(document, api, e => notice(e));
player.texts = () => ({ draft: app.draft, loop: currentLoop() });

function previewEvent(p) {
  app.previews = app.previews.filter(x => x.segment !== p.segment).concat([p]);
  if (p.segment === app.selected) player.follow(p);
}

// ---- editing ----

/** Applies an edit to the selected loop now and saves it shortly after (several quick edits save once). */
function editLoop(change, note) {
  const loop = currentLoop();
  if (!loop) return;
  app.draft = R.editLoop(app.draft, loop, change);
  scheduleSave(note);
}

function scheduleSave(note) {
  app.dirty++;
  app.note = note;
  clearTimeout(app.saveTimer);
  app.saveTimer = setTimeout(save, 350);
}

async function save() {
  if (app.saving) { app.saveTimer = setTimeout(save, 150); return; }
  const loop = currentLoop();
  if (!loop) return;
  const dirty = app.dirty;
  app.saving = (async () => {
    try {
      let recipe = loop.m.recipe;
      if (!recipe) recipe = (await api.plan({ media: loop.m.media, style: 'auto', aspect: app.draft.m.aspect, seconds: (loop.m.loop_ms || 6000) / 1000 })).recipe;
      const draft = R.editLoop(app.draft, loop, m => { m.recipe = R.withGuidance(recipe, editor.guidance(), editor.maskUrl()); });
      const r = await api.saveDraft(draft, app.version, app.note);
      app.version = r.draft_version;
      $('summary').textContent = r.summary;
      app.previews = r.previews;
      if (dirty === app.dirty) {
        app.draft = r.draft;
        render(false);
      } else {
        // More edits came meanwhile: keep them, they save next on top of this version.
        const p = r.previews.find(x => x.segment === loop.index);
        if (p) player.follow(p);
      }
    } catch (e) {
      notice(e);
      if (e instanceof ApiError && e.code === 3010) await loadState(true);
    } finally {
      app.saving = null;
    }
  })();
  await app.saving;
}

$('aspect').addEventListener('change', e => {
  app.draft = structuredClone(app.draft);
  app.draft.m.aspect = e.target.value;
  editor.update(currentLoop()?.m.recipe || null, e.target.value);
  scheduleSave('aspect ' + e.target.value);
});
$('duration').addEventListener('change', e => editLoop((m, seg) => { m.loop_ms = Number(e.target.value); seg.d = Number(e.target.value); }, 'length'));
$('strength').addEventListener('input', e => { $('strength-out').textContent = Number(e.target.value).toFixed(1); });
$('strength').addEventListener('change', e => editLoop(m => { if (m.recipe) m.recipe = R.withStrength(m.recipe, Number(e.target.value)); }, 'strength'));
$('style').addEventListener('change', async e => {
  const loop = currentLoop();
  if (!loop) return;
  try {
    const base = await api.plan({ media: loop.m.media, style: e.target.value, aspect: app.draft.m.aspect,
      seconds: (loop.m.loop_ms || 6000) / 1000, strength: Number($('strength').value) });
    app.styles.set(loop.m.media, e.target.value);
    editLoop(m => { m.recipe = R.restyled(base.recipe, m.recipe); }, 'style ' + e.target.value);
    editor.update(base.recipe, app.draft.m.aspect);
  } catch (err) {
    notice(err);
  }
});

/** Puts a loop of this photo on the timeline, with the planner's recipe. */
async function addLoop(media) {
  try {
    const aspect = app.draft?.m?.aspect || '16:9';
    const plan = await api.plan({ media: media.id, style: 'auto', aspect, seconds: 6 });
    const hasLoops = (app.draft?.t || []).some(t => t.tt === 0 && t.sg?.length);
    const draft = hasLoops ? R.addLoop(app.draft, media.id, media.name, plan.recipe) : R.newDraft(media.id, media.name, plan.recipe, aspect);
    const r = await api.saveDraft(draft, app.version, 'add loop');
    app.version = r.draft_version;
    await loadState(true);
    app.selected = R.loops(app.draft).at(-1)?.index ?? 0;
    render(true);
  } catch (e) {
    notice(e);
  }
}

// ---- media ----

function renderMedia() {
  const list = $('media-list');
  list.replaceChildren();
  for (const m of app.media) {
    const li = document.createElement('li');
    const img = document.createElement('img');
    img.alt = '';
    if (m.thumbnail_url) api.blobUrl(m.thumbnail_url).then(u => { img.src = u; }).catch(() => {});
    const meta = document.createElement('div');
    meta.className = 'meta';
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = m.name || m.id;
    const info = document.createElement('div');
    info.textContent = [m.kind, m.width && m.height ? `${m.width}×${m.height}` : null,
      m.duration_ms ? `${(m.duration_ms / 1000).toFixed(1)} s` : null].filter(Boolean).join(' · ');
    meta.append(name, info);
    li.append(img, meta);
    if (m.kind === 'image') {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Add loop';
      b.setAttribute('aria-label', `Add a loop of ${m.name || 'this photo'} to the timeline`);
      b.addEventListener('click', () => addLoop(m));
      li.append(b);
    }
    list.append(li);
  }
}

async function upload(files) {
  const status = $('upload-status');
  let photos = 0;
  for (const [i, file] of [...files].entries()) {
    status.textContent = `Uploading ${file.name} (${i + 1} of ${files.length})…`;
    try {
      const r = await api.upload(file);
      if (r.kind === 'image') photos++;
    } catch (e) {
      notice(e, { file: file.name });
    }
  }
  status.textContent = files.length ? 'Upload finished.' : '';
  await loadState(false);
  if (photos && !R.loops(app.draft).length) {
    const first = app.media.find(m => m.kind === 'image');
    if (first) await addLoop(first);
  }
}

$('file-input').addEventListener('change', e => { upload(e.target.files); e.target.value = ''; });
const drop = $('drop');
['dragenter', 'dragover'].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.add('over'); }));
['dragleave', 'drop'].forEach(t => drop.addEventListener(t, () => drop.classList.remove('over')));
drop.addEventListener('drop', e => { e.preventDefault(); upload(e.dataTransfer.files); });
// Dropping anywhere else on the page must not navigate away from the studio.
window.addEventListener('dragover', e => e.preventDefault());
window.addEventListener('drop', e => { e.preventDefault(); if (e.dataTransfer?.files?.length) upload(e.dataTransfer.files); });

// ---- chat ----

function say(cls, text) {
  const li = document.createElement('li');
  li.className = cls;
  li.textContent = text;
  $('messages').append(li);
  li.scrollIntoView({ block: 'nearest' });
  return li;
}

$('chat-form').addEventListener('submit', async e => {
  e.preventDefault();
  const text = $('chat-input').value.trim();
  if (!text) return;
  $('chat-input').value = '';
  $('send').disabled = true;
  say('user', text);
  let bubble = null;
  try {
    await api.chat(text, ev => {
      for (const part of ev.content?.parts || []) {
        if (part.text) {
          bubble = bubble || say('agent', '');
          bubble.textContent += (bubble.textContent ? '\n' : '') + part.text;
        } else if (part.functionCall) {
          say('tool', `Editing the timeline (${part.functionCall.name.replace(/_/g, ' ')})…`);
        }
      }
      const meta = ev.customMetadata || {};
      if (meta.progress) $('preview-status').textContent = meta.progress.label || 'Working…';
      if (meta.preview) previewEvent(meta.preview);
      if (ev.errorCode) say('agent error', ev.errorMessage || 'The turn failed.');
    });
    await loadState(true);
  } catch (err) {
    say('agent error', friendly(err).title + ' ' + friendly(err).text);
  } finally {
    $('send').disabled = false;
    credits();
  }
});
$('chat-input').addEventListener('keydown', e => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('chat-form').requestSubmit(); }
});

// ---- export ----

$('export').addEventListener('click', async () => {
  const status = $('export-status');
  const bar = $('export-progress');
  $('export').disabled = true;
  $('download').hidden = true;
  bar.value = 0;
  try {
    if (app.saving) await app.saving;
    let job = await api.exportLoop();
    status.textContent = `Export queued (${job.price} credit${job.price === 1 ? '' : 's'}).`;
    credits();
    while (job.status !== 'done' && job.status !== 'failed') {
      await new Promise(r => setTimeout(r, 700));
      job = await api.poll(job.id);
      bar.value = job.progress || 0;
      status.textContent = job.status === 'queued' ? 'Waiting for a render worker…' : `Rendering: ${Math.round(100 * (job.progress || 0))}%`;
    }
    if (job.status === 'failed') {
      notice(new ApiError(500, job.error?.code || 5001, job.error?.message || 'the render failed'));
      status.textContent = 'The export failed; no credits were taken.';
      return;
    }
    bar.value = 1;
    const url = await api.blobUrl(job.url);
    const a = $('download');
    a.href = url;
    a.download = `imageloop-${job.id}.mp4`;
    a.textContent = `Download MP4 (${job.width}×${job.height}, ${(job.bytes / 1e6).toFixed(1)} MB)`;
    a.hidden = false;
    status.textContent = 'Export finished.';
  } catch (e) {
    notice(e);
    status.textContent = '';
  } finally {
    $('export').disabled = false;
    credits();
  }
});

// ---- start ----

(async () => {
  try {
    await api.start();
    await credits();
    await loadState(true);
    document.body.dataset.ready = 'true';
  } catch (e) {
    notice(e);
  }
})();
