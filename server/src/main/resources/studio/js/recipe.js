// The draft and its motion recipe (JSON version 2, docs/motion-spec.md) as the studio edits them.
// Everything drawn is in photo coordinates: fractions of the upright photo, 0..1 from its top
// left, so it stays on the same part of the photo whatever the aspect ratio.

export const ASPECTS = { '16:9': [16, 9], '9:16': [9, 16], '1:1': [1, 1], '4:5': [4, 5] };

/** The part of the photo (fractions) a cover crop at this aspect shows: centred, the frame's shape. */
export function frameWindow(photoW, photoH, aspect) {
  const [aw, ah] = ASPECTS[aspect] || ASPECTS['16:9'];
  const photo = photoW / photoH;
  const frame = aw / ah;
  if (photo > frame) {
    const w = frame / photo;
    return { x: (1 - w) / 2, y: 0, w, h: 1 };
  }
  const h = photo / frame;
  return { x: 0, y: (1 - h) / 2, w: 1, h };
}

/** Every photo loop of the draft, in timeline order, with where it sits. */
export function loops(draft) {
  const out = [];
  let index = 0;
  (draft?.t || []).forEach((track, ti) => {
    if (track.tt !== 0) return;
    (track.sg || []).forEach((seg, si) => {
      if (seg.m && seg.m.kind === 'loop') out.push({ index, track: ti, seg: si, segment: seg, m: seg.m });
      index++;
    });
  });
  return out;
}

/** A new draft holding one loop of a photo. */
export function newDraft(media, name, recipe, aspect = '16:9') {
  return {
    v: 1, d: 6000, m: { aspect, fps: 30 },
    t: [{ tt: 0, m: { name: 'Video' }, sg: [{ s: 0, d: 6000, m: loopContent(media, name, recipe) }] }],
  };
}

export function loopContent(media, name, recipe) {
  const m = { media, kind: 'loop', name, loop_ms: 6000, fit: 'cover' };
  if (recipe) m.recipe = recipe;
  return m;
}

/** Adds a loop of a photo at the end of the video track (the server lays segments out). */
export function addLoop(draft, media, name, recipe) {
  const d = structuredClone(draft);
  let video = d.t.find(t => t.tt === 0);
  if (!video) {
    video = { tt: 0, m: { name: 'Video' }, sg: [] };
    d.t.unshift(video);
  }
  video.sg.push({ s: d.d || 0, d: 6000, m: loopContent(media, name, recipe) });
  return d;
}

/** The drawn guidance of a recipe: the first flow layer's arrows and anchors, the freeze mask. */
export function guidance(recipe) {
  const flow = (recipe?.layers || []).find(l => l.kind === 'flow');
  return {
    arrows: (flow?.arrows || []).map(a => ({ x1: a.from[0], y1: a.from[1], x2: a.to[0], y2: a.to[1] })),
    anchors: (flow?.anchors || []).map(p => ({ x: p[0], y: p[1] })),
    mask: recipe?.freeze?.mask || null,
  };
}

const round = v => Math.round(v * 10000) / 10000;

/**
 * The recipe with this guidance: arrows and anchors as its flow layer (replacing the one it
 * had), the painted mask as its freeze mask (other frozen parts kept). Anchors only pin motion
 * that arrows draw, so without arrows there is no flow layer.
 */
export function withGuidance(recipe, g, maskUrl) {
  const r = structuredClone(recipe);
  const old = (r.layers || []).find(l => l.kind === 'flow');
  r.layers = (r.layers || []).filter(l => l.kind !== 'flow');
  if (g.arrows.length) {
    r.layers.push({
      kind: 'flow',
      arrows: g.arrows.map(a => ({ from: [round(a.x1), round(a.y1)], to: [round(a.x2), round(a.y2)] })),
      anchors: g.anchors.map(p => [round(p.x), round(p.y)]),
      strength: old?.strength ?? strength(recipe),
    });
  }
  const freeze = { ...(r.freeze || {}) };
  delete freeze.mask;
  delete freeze.label;
  if (maskUrl) {
    freeze.mask = maskUrl;
    freeze.label = 'painted';
  }
  if (Object.keys(freeze).length) r.freeze = freeze;
  else delete r.freeze;
  return r;
}

/** The recipe's strength as one number: its first layer's, else its camera's. */
export function strength(recipe) {
  if (recipe?.layers?.length) return recipe.layers[0].strength ?? 1;
  return recipe?.camera?.strength ?? 1;
}

/** Every layer's and the camera's strength scaled so that the first one becomes `target`. */
export function withStrength(recipe, target) {
  const r = structuredClone(recipe);
  const factor = target / strength(recipe);
  const scale = v => Math.max(0.05, Math.min(5, Math.round((v ?? 1) * factor * 100) / 100));
  (r.layers || []).forEach(l => { l.strength = scale(l.strength); });
  if (r.camera) r.camera.strength = scale(r.camera.strength);
  return r;
}

/** The recipe of a classic style or the planner's, with the user's drawing kept on top. */
export function restyled(base, current) {
  return withGuidance(base, guidance(current), current?.freeze?.mask || null);
}

/** The draft with one loop's content changed by `change(m, segment)`. */
export function editLoop(draft, at, change) {
  const d = structuredClone(draft);
  const seg = d.t[at.track].sg[at.seg];
  change(seg.m, seg);
  return d;
}

/** A line saying what moves, for people: "drift right in sky; 2 arrows; holding painted still". */
export function describe(recipe) {
  if (!recipe) return 'Motion: planned when the loop renders.';
  const parts = (recipe.layers || []).map(l => {
    switch (l.kind) {
      case 'drift': return `drifts ${l.direction || 'right'} in ${area(l.area)}`;
      case 'flow': return `${l.arrows.length} arrow${l.arrows.length === 1 ? '' : 's'}` + (l.anchors?.length ? `, ${l.anchors.length} anchor${l.anchors.length === 1 ? '' : 's'}` : '');
      case 'ripple': return `ripples in ${area(l.area)}`;
      case 'sway': return `sways from the ${l.roots || 'bottom'} in ${area(l.area)}`;
      case 'parallax': return 'parallax (depth from cues)';
      case 'glow': return `glows in ${area(l.area)}`;
      default: return l.kind;
    }
  });
  if (recipe.camera) parts.push((parts.length ? 'under a camera ' : 'camera ') + recipe.camera.move);
  if (recipe.freeze) parts.push(`holding ${area(recipe.freeze)} still`);
  return 'Motion: ' + (parts.join('; ') || 'none') + '.' + (recipe.notes?.length ? ' Planner: ' + recipe.notes.join('; ') + '.' : '');
}

function area(a) {
  if (!a) return 'the picture';
  const bits = [];
  if (a.band) bits.push(a.band === 'whole' ? 'the whole picture' : `the ${a.band} part`);
  if (a.rects?.length) bits.push(`${a.rects.length} rectangle(s)`);
  if (a.polygons?.length) bits.push(`${a.polygons.length} polygon(s)`);
  if (a.mask) bits.push(a.label || 'a mask');
  return bits.join(', ') || 'the picture';
}
