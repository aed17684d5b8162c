package io.imageloop.server.upload;

import io.imageloop.server.http.ApiException;
import io.imageloop.server.http.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Downloads a URL upload with limits on size, time and redirects. Every hop's host must
 * resolve to public addresses, so a URL cannot be used to reach the server's own network
 * (loopback, private ranges, link-local cloud metadata) unless the operator allows it.
 */
public final class UrlFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(UrlFetcher.class);
    private static final int MAX_REDIRECTS = 3;

    /** The downloaded file and what it was called at its final address. */
    public record Fetched(Staging.StagedFile file, String name, String finalUrl) {
    }

    private final boolean allowPrivate;
    private final long limit;
    private final Duration timeout;
    private final HttpClient client;

    public UrlFetcher(boolean allowPrivate, long limit, Duration timeout) {
        this.allowPrivate = allowPrivate;
        this.limit = limit;
        this.timeout = timeout;
        // Redirects are followed by hand so that every target is checked before it is contacted.
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Fetched fetch(String url, Path stagingDir) throws IOException {
        URI uri = parse(url);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int hop = 0; ; hop++) {
            check(uri);
            HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(remaining(deadline))
                    .header("User-Agent", "imageloop-server").header("Accept", "image/*,video/*,audio/*,*/*").build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the URL did not answer within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the download was interrupted");
            } catch (IOException e) {
                throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the URL could not be reached (" + e.getClass().getSimpleName() + ")");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the URL redirects without a Location");
                if (hop >= MAX_REDIRECTS) {
                    throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the URL redirects more than " + MAX_REDIRECTS + " times");
                }
                uri = parse(uri.resolve(location.trim()).toString());
                continue;
            }
            if (status < 200 || status >= 300) {
                response.body().close();
                throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the URL answered HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                response.body().close();
                throw Staging.tooLarge(limit);
            }
            return new Fetched(download(response.body(), stagingDir, deadline), name(uri), uri.toString());
        }
    }

    /** Streams the body to staging; a watchdog closes the stream when the time is up. */
    private Staging.StagedFile download(InputStream body, Path stagingDir, long deadline) throws IOException {
        long delay = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        var watchdog = CompletableFuture.runAsync(() -> closeQuietly(body),
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        try (InputStream in = body) {
            return Staging.stage(in, stagingDir, limit);
        } catch (IOException e) {
            if (System.nanoTime() >= deadline) {
                throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the download took longer than " + timeout.toSeconds() + " s");
            }
            throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the download broke off (" + e.getClass().getSimpleName() + ")");
        } finally {
            watchdog.cancel(false);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ApiException(ErrorCode.URL_REFUSED, "only http and https URLs can be uploaded");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new ApiException(ErrorCode.URL_REFUSED, "the URL has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ApiException(ErrorCode.URL_REFUSED, "the URL is not valid: " + e.getReason());
        }
    }

    /** Refuses hosts that do not resolve, or resolve to any non-public address. */
    private void check(URI uri) {
        if (allowPrivate) return;
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new ApiException(ErrorCode.URL_REFUSED, "the host " + host + " cannot be resolved");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                LOG.warn("refused URL upload to {} ({})", host, a.getHostAddress());
                throw new ApiException(ErrorCode.URL_REFUSED,
                        "the URL points to a private, loopback or link-local address, which uploads may not fetch");
            }
        }
    }

    /** Whether an address is on the public internet (not loopback, private, link-local, CGNAT, multicast or reserved). */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            if (b0 == 0 || b0 >= 240) return false;                  // "this network", reserved, broadcast
            if (b0 == 100 && (b1 & 0xC0) == 64) return false;        // 100.64.0.0/10 carrier-grade NAT
            if (b0 == 192 && b1 == 0 && (b[2] & 0xFF) == 0) return false; // 192.0.0.0/24 protocol assignments
            if (b0 == 198 && (b1 == 18 || b1 == 19)) return false;   // 198.18.0.0/15 benchmarking
            return true;
        }
        if ((b[0] & 0xFE) == 0xFC) return false;                     // fc00::/7 unique local
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && (b[3] & 0xFF) == 0xB8) return false; // 2001:db8::/32 documentation
        boolean mappedOrCompat = true;
        for (int i = 0; i < 10; i++) mappedOrCompat &= b[i] == 0;
        if (mappedOrCompat) {
            // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address: judge that one.
            try {
                return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the download ran out of time");
        return Duration.ofNanos(nanos);
    }

    private static String name(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) return null;
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.length() > 200 ? last.substring(0, 200) : last;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the broken stream and reports the timeout
        }
    }
}
