package io.imageloop.server.preview;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.server.preview.Preview.Status;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.MediaResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quick previews of a session's loops, rendered in the background on a small executor of their
 * own (never the export queue): for each photo loop of the latest draft a poster frame, then a
 * 480p loop. Previews cost no credits. They are cached on disk by {@link PreviewTarget#key()},
 * so an edit that does not change a loop re-renders nothing and returning to an earlier recipe
 * is instant; a newer draft cancels the previews it no longer shows; a session starts at most
 * {@link PreviewSettings#perMinute()} renders a minute, further ones wait their turn.
 */
public final class PreviewService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewService.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Previews remembered per session (the files stay on disk either way). */
    private static final int KEEP = 64;
    /** A failed preview is tried again by a later request after this long (the same inputs rarely fail twice, but files can come back). */
    private static final long RETRY_FAILED_MS = 30_000;

    private final Path root;
    private final PreviewRenderer renderer;
    private final PreviewSettings settings;
    private final Function<String, MediaResolver> media;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Map<String, SessionPreviews> sessions = new ConcurrentHashMap<>();
    private final Object changed = new Object();

    /** One preview being made or made: its target, state and the task behind it. */
    private static final class Entry {
        final PreviewTarget target;
        volatile Preview state;
        Future<?> task;
        long reservedAt;

        Entry(PreviewTarget target, Preview state) {
            this.target = target;
            this.state = state;
        }
    }

    /** A session's previews, newest last, and its rate limit. Guarded by its own monitor. */
    private static final class SessionPreviews {
        final Map<String, Entry> entries = new LinkedHashMap<>();
        final RateLimit limit;
        /** The newest draft version asked about; an older one (a read racing a save) cancels nothing. */
        int latestVersion;

        SessionPreviews(PreviewSettings settings) {
            limit = new RateLimit(settings.perMinute(), 60_000);
        }
    }

    /**
     * @param root  where preview files live, one folder per session
     * @param media the files a session's drafts may use
     */
    public PreviewService(Path root, PreviewRenderer renderer, PreviewSettings settings, Function<String, MediaResolver> media) {
        this.root = root;
        this.renderer = renderer;
        this.settings = settings;
        this.media = media;
        this.pool = Executors.newFixedThreadPool(settings.threads(), threads("imageloop-preview"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("imageloop-preview-timer"));
    }

    public PreviewSettings settings() {
        return settings;
    }

    /**
     * Makes sure every loop of this draft (the session's latest, version {@code version}) has a
     * preview made or on its way, and cancels the session's unfinished previews of loops the
     * draft no longer has. Returns the draft's previews in timeline order.
     */
    public List<Preview> request(String sessionId, int version, Draft draft) {
        List<PreviewTarget> targets = PreviewTarget.of(draft, settings);
        SessionPreviews sp = sessions.computeIfAbsent(sessionId, id -> new SessionPreviews(settings));
        List<Preview> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        synchronized (sp) {
            if (version < sp.latestVersion) {
                return targets.stream().map(t -> Optional.ofNullable(sp.entries.get(t.key())).map(e -> e.state)
                        .orElse(fresh(sessionId, version, t, 0)).forVersion(version, t.segment())).toList();
            }
            sp.latestVersion = version;
            Set<String> keys = targets.stream().map(PreviewTarget::key).collect(Collectors.toSet());
            for (Entry e : sp.entries.values()) {
                if (!keys.contains(e.target.key()) && !e.state.status().finished()) cancel(sp, e, now);
            }
            for (PreviewTarget t : targets) {
                Entry e = sp.entries.get(t.key());
                boolean retry = e != null && e.state.status() == Status.FAILED && now - e.state.updatedAt() > RETRY_FAILED_MS;
                if (e == null || e.state.status() == Status.CANCELLED || retry) {
                    e = new Entry(t, fresh(sessionId, version, t, now));
                    sp.entries.remove(t.key());
                    sp.entries.put(t.key(), e);
                    if (Files.isRegularFile(video(sessionId, t.key())) && Files.isRegularFile(poster(sessionId, t.key()))) {
                        e.state = e.state.loopDone(0, now);
                    } else {
                        schedule(sessionId, sp, e, now);
                    }
                }
                out.add(e.state.forVersion(version, t.segment()));
            }
            trim(sp);
        }
        signal();
        return out;
    }

    /** The previews of this draft as they stand, starting nothing. */
    public List<Preview> status(String sessionId, int version, Draft draft) {
        List<Preview> out = new ArrayList<>();
        for (PreviewTarget t : PreviewTarget.of(draft, settings)) {
            out.add(find(sessionId, t.key()).orElse(fresh(sessionId, version, t, 0)).forVersion(version, t.segment()));
        }
        return out;
    }

    /** A preview of the session by key: one made or being made since start, or one found on disk. */
    public Optional<Preview> find(String sessionId, String key) {
        if (!valid(sessionId, key)) return Optional.empty();
        SessionPreviews sp = sessions.get(sessionId);
        if (sp != null) {
            synchronized (sp) {
                Entry e = sp.entries.get(key);
                if (e != null) return Optional.of(e.state);
            }
        }
        if (Files.isRegularFile(video(sessionId, key))) {
            return Optional.of(new Preview(sessionId, key, 0, 0, null, Status.READY, true, true, 0, 0, 0, 0, 0, 0, null, 0));
        }
        return Optional.empty();
    }

    /**
     * Waits until the preview satisfies {@code until} or the time is up, and returns how it
     * stands then (empty when there is no such preview).
     */
    public Optional<Preview> await(String sessionId, String key, Predicate<Preview> until, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (changed) {
            while (true) {
                Optional<Preview> p = find(sessionId, key);
                if (p.isEmpty() || until.test(p.get())) return p;
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return p;
                changed.wait(left);
            }
        }
    }

    public Path poster(String sessionId, String key) {
        return folder(sessionId).resolve(key + ".jpg");
    }

    public Path video(String sessionId, String key) {
        return folder(sessionId).resolve(key + ".mp4");
    }

    /** Whether a key and session id have the shape this service hands out (so they are safe in paths). */
    public static boolean valid(String sessionId, String key) {
        return sessionId != null && key != null && SESSION.matcher(sessionId).matches() && KEY.matcher(key).matches();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the work ----

    private Preview fresh(String sessionId, int version, PreviewTarget t, long now) {
        FrameSize size = t.aspect().size(t.resolution());
        return new Preview(sessionId, t.key(), version, t.segment(), t.loop().media(), Status.QUEUED, false, false,
                size.width(), size.height(), t.durationMs(), 0, 0, 0, null, now);
    }

    /** Queues the entry now, or after the wait the session's rate limit asks for. Caller holds sp. */
    private void schedule(String sessionId, SessionPreviews sp, Entry e, long now) {
        long wait = sp.limit.reserve(now);
        e.reservedAt = now + wait;
        if (wait == 0) {
            e.task = pool.submit(() -> run(sessionId, sp, e));
            return;
        }
        e.state = e.state.waiting(wait, now);
        LOG.info("session {}: preview {} waits {} ms for the rate limit", sessionId, e.target.key(), wait);
        e.task = timer.schedule(() -> {
            synchronized (sp) {
                if (e.state.status() != Status.WAITING) return;
                e.state = e.state.with(Status.QUEUED, System.currentTimeMillis());
                e.task = pool.submit(() -> run(sessionId, sp, e));
            }
            signal();
        }, wait, TimeUnit.MILLISECONDS);
    }

    private void cancel(SessionPreviews sp, Entry e, long now) {
        Status was = e.state.status();
        if (e.task != null) e.task.cancel(true);
        if (was == Status.QUEUED || was == Status.WAITING) sp.limit.release(e.reservedAt);
        e.state = e.state.with(Status.CANCELLED, now);
        LOG.info("session {}: preview {} cancelled ({}), a newer edit replaced its loop", e.state.sessionId(), e.target.key(), was.wire());
    }

    private void run(String sessionId, SessionPreviews sp, Entry e) {
        if (!advance(sp, e, Status.QUEUED, s -> s.with(Status.RENDERING, System.currentTimeMillis()))) return;
        String key = e.target.key();
        try {
            Files.createDirectories(folder(sessionId));
            MediaResolver files = media.apply(sessionId);
            long t0 = System.nanoTime();
            // A poster left by a render cancelled mid-loop is this very frame: keep it.
            if (!Files.isRegularFile(poster(sessionId, key))) renderer.poster(e.target, files, poster(sessionId, key));
            long posterMs = (System.nanoTime() - t0) / 1_000_000;
            if (!advance(sp, e, Status.RENDERING, s -> s.posterDone(posterMs, System.currentTimeMillis()))) return;
            long t1 = System.nanoTime();
            renderer.loop(e.target, files, video(sessionId, key));
            long loopMs = (System.nanoTime() - t1) / 1_000_000;
            if (advance(sp, e, Status.POSTER, s -> s.loopDone(loopMs, System.currentTimeMillis()))) {
                LOG.info("session {}: preview {} ready ({}x{}, {} ms): poster {} ms, loop {} ms", sessionId, key,
                        e.state.width(), e.state.height(), e.target.durationMs(), posterMs, loopMs);
            }
        } catch (LoopException ex) {
            if (ex.kind() == LoopException.Kind.CANCELLED || Thread.currentThread().isInterrupted()) {
                advance(sp, e, null, s -> s.with(Status.CANCELLED, System.currentTimeMillis()));
            } else {
                LOG.info("session {}: preview {} failed: {}", sessionId, key, ex.getMessage());
                advance(sp, e, null, s -> s.failed(ex.getMessage(), System.currentTimeMillis()));
            }
        } catch (Exception ex) {
            LOG.error("session {}: preview {} failed", sessionId, key, ex);
            advance(sp, e, null, s -> s.failed("the preview could not be made", System.currentTimeMillis()));
        }
    }

    /**
     * Moves the entry on when it still is where the task left it ({@code from}; null: anywhere
     * unfinished). False when a cancel got there first: the task then stops.
     */
    private boolean advance(SessionPreviews sp, Entry e, Status from, java.util.function.UnaryOperator<Preview> next) {
        synchronized (sp) {
            Status now = e.state.status();
            if (from != null ? now != from : now.finished()) return false;
            e.state = next.apply(e.state);
        }
        signal();
        return true;
    }

    private void trim(SessionPreviews sp) {
        Iterator<Entry> it = sp.entries.values().iterator();
        int extra = sp.entries.size() - KEEP;
        while (extra > 0 && it.hasNext()) {
            if (it.next().state.status().finished()) {
                it.remove();
                extra--;
            }
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private Path folder(String sessionId) {
        if (!SESSION.matcher(sessionId).matches()) throw new IllegalArgumentException("not a session id: " + sessionId);
        return root.resolve(sessionId);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
