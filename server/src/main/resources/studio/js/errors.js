// Errors as a person wants them: what happened, and what to do about it.

/** {title, text, link?: {href, label}} for an ApiError (or any error) in a given context. */
export function friendly(err, context = {}) {
  const name = context.file ? `“${context.file}”` : 'This file';
  const data = err.data || {};
  switch (err.code) {
    case 2001:
      return {
        title: 'Not enough credits.',
        text: `This export costs ${data.price ?? 'more'} credit(s) and ${data.available ?? 0} are available. ` +
          'Get more credits, or shorten the timeline to export for less.',
        link: data.bind_url ? { href: data.bind_url, label: 'Get more credits' } : null,
      };
    case 4001:
      return { title: `${name} can’t be used.`, text: 'Upload a photo (JPEG, PNG, WebP, HEIC, GIF), a clip (MP4, MOV, WebM, MKV, AVI) or music (MP3, WAV, M4A, AAC).' };
    case 4002:
      return { title: `${name} is too large.`, text: `${err.message}. Try a shorter clip, or export the photo at a smaller size, then upload it again.` };
    case 4003:
      return { title: `${name} seems damaged.`, text: 'It could not be read. Save or export it again from the app it came from and upload the new copy.' };
    case 1001:
      return { title: 'Your session expired.', text: 'Reload the page to start a new one; your uploads stay in the old project.' };
    case 1002:
      return { title: 'This project is gone.', text: 'Reload the page to start a new project.' };
    case 429:
      return { title: 'Too many new sessions.', text: 'This browser already got a free token this week. Try again later.' };
    case 402:
      return { title: 'This export is not part of your plan.', text: err.message };
    case 3003:
      if (/freeze areas need/i.test(err.message)) {
        return { title: 'Nothing would move around the held areas.', text: 'Held-still areas need motion in other parts of the photo: draw an arrow, or choose Flow or Sway instead of a camera move.' };
      }
      return { title: 'That edit can’t be rendered.', text: err.message };
    case 3010:
      return { title: 'The chat changed the loop meanwhile.', text: 'The studio now shows the newest version; make your last change again.' };
    case 0: case -1:
      return { title: 'No connection to the server.', text: 'Check that imageloop is still running, then try again.' };
    default:
      if (err.code >= 5000) return { title: 'Something went wrong on the server.', text: `${err.message}. Try again; nothing was charged.` };
      return { title: 'That did not work.', text: err.message || String(err) };
  }
}
