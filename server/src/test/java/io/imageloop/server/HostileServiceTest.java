package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.imageloop.engine.media.HostileMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against hostile clients: damaged and declared-huge uploads, URL tricks, drafts
 * built to exhaust memory, odd chat messages and bodies, ids and ranges that try to escape. Each
 * answer is a 4xx with its code and one line (never 5000, never a stack trace), nothing refused
 * is stored, no credit stays frozen, and the heap is no larger at the end.
 */
class HostileServiceTest extends SharedServer {

    static String token;
    static String sid;
    static String photoId;
    static long heapBefore;

    @BeforeAll
    static void session() throws Exception {
        token = api.newToken();
        sid = api.newSession(token);
        photoId = api.upload(token, sid, TestServers.COFFEE).data().path("id").asText();
        heapBefore = usedHeap();
    }

    @AfterAll
    static void nothingLeftAndHeapBounded() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
            assertThat(names).noneMatch(n -> n.startsWith(".incoming-") || n.endsWith(".partial"));
        }
        assertThat(usedHeap() - heapBefore).as("heap kept after all hostile requests").isLessThan(128L << 20);
        JsonNode b = api.get("/api/credits/balance/simple", token).data();
        assertThat(b.path("frozen").asInt()).isZero();
    }

    static Stream<Arguments> refusedFiles() {
        return HostileMedia.refused().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "upload {0}")
    @MethodSource("refusedFiles")
    void hostileUploadsAreRefusedAndNothingIsStored(String name, byte[] content) throws Exception {
        String own = api.newSession(token);
        Api.Response r = api.upload(token, own, name, content);
        assertClean(r, Set.of(4001, 4003, 4006, 4007));
        Path dir = dataDir.resolve("media").resolve(own);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.toList()).isEmpty();
            }
        }
    }

    static Stream<Arguments> oddFiles() {
        return HostileMedia.odd().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "upload {0}")
    @MethodSource("oddFiles")
    void oddUploadsAreStoredOrRefusedCleanly(String name, byte[] content) throws Exception {
        Api.Response r = api.upload(token, api.newSession(token), name, content);
        if (r.code() != 0) assertClean(r, Set.of(4001, 4003, 4007));
    }

    static Stream<String> hostileUrls() {
        return Stream.of("file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://127.0.0.1/x.jpg", "http://127.0.0.1:1/x.jpg",
                "http://[::1]/x.jpg", "http://0x7f000001/x.jpg", "http://2130706433/x.jpg", "http://169.254.169.254/latest/meta-data/",
                "http://localhost/x.jpg", "http://10.0.0.1/x.jpg", "http://[::ffff:127.0.0.1]/x.jpg", "javascript:alert(1)",
                "http://", "not a url at all", "http://0/x.jpg", "http://[fd00::1]/x.jpg");
    }

    @ParameterizedTest(name = "url {0}")
    @MethodSource("hostileUrls")
    void urlTricksAreRefused(String url) throws Exception {
        Api.Response r = api.postJson("/api/upload-video/nemo_agent/me/" + sid, token, Map.of("url", url));
        assertClean(r, Set.of(4000, 4004, 4005));
    }

    static Stream<Arguments> hostileDrafts() {
        String seg = "{\"s\":0,\"d\":2000,\"m\":{\"media\":\"%ID%\"}}";
        Map<String, String> d = new LinkedHashMap<>();
        d.put("a string that is not JSON", "\"not json {\"");
        d.put("an array", "[]");
        d.put("a number", "42");
        d.put("deep nesting", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
        d.put("deep arrays", "[".repeat(100_000) + "]".repeat(100_000));
        d.put("a megabyte of text", text("x".repeat(1 << 20)));
        d.put("a million segments", segments(1_000_000));
        d.put("600 segments", segments(600));
        d.put("400 overlapping segments", overlapping(400));
        d.put("60 tracks", "{\"v\":1,\"t\":[" + String.join(",", Collections.nCopies(60, "{\"tt\":7,\"sg\":[]}")) + "]}");
        d.put("600 characters of text", text("y".repeat(600)));
        d.put("240 lines of text", text("a\n".repeat(240)));
        d.put("501 emoji", text("\uD83D\uDE00".repeat(501)));
        d.put("unknown track type", "{\"v\":1,\"t\":[{\"tt\":99,\"sg\":[" + seg + "]}]}");
        d.put("version 99", "{\"v\":99,\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("negative start", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":-5,\"d\":1000,\"m\":{\"media\":\"%ID%\"}}]}]}");
        d.put("negative duration", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":-1000,\"m\":{\"media\":\"%ID%\"}}]}]}");
        d.put("a number too big", "{\"v\":1,\"d\":1e400,\"t\":[]}");
        d.put("duration as text", "{\"v\":1,\"d\":\"6000\",\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("aspect zero", "{\"v\":1,\"m\":{\"aspect\":\"0:0\"},\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("a path as media", media("../../../../../../etc/passwd"));
        d.put("a device as media", media("/dev/zero"));
        d.put("another session's media", media("med_00000000000000000000"));
        d.put("SQL as media", media("x' OR '1'='1"));
        d.put("no media", media(""));
        d.put("strength 1e9", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"%ID%\",\"strength\":1e9}}]}]}");
        d.put("a trillion ms loop", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"%ID%\",\"loop_ms\":1e12}}]}]}");
        d.put("volume 1e9", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[" + seg + "]},{\"tt\":1,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"%ID%\",\"volume\":1e9}}]}]}");
        d.put("text size 99", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[" + seg + "]},{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":\"hi\",\"size\":99}}]}]}");
        d.put("text off the frame", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[" + seg + "]},{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":\"hi\",\"x\":5,\"y\":-3}}]}]}");
        d.put("a bad colour", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[" + seg + "]},{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":\"hi\",\"color\":\"#zzzzzz\"}}]}]}");
        d.put("an unknown kind", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"%ID%\",\"kind\":\"bomb\"}}]}]}");
        d.put("a segment that is a number", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[42]}]}");
        d.put("tracks that are an object", "{\"v\":1,\"t\":{}}");
        d.put("nothing to render", "{\"v\":1,\"d\":0,\"t\":[]}");
        d.put("a track type as text", "{\"v\":1,\"t\":[{\"tt\":\"0\",\"sg\":[" + seg + "]}]}");
        d.put("metadata that is a list", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":[1,2]}]}]}");
        d.put("a duration that is true", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":true,\"m\":{\"media\":\"%ID%\"}}]}]}");
        return d.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "export a draft with {0}")
    @MethodSource("hostileDrafts")
    void hostileDraftsAreRefusedBeforeAnyCreditIsFrozen(String label, String draft) throws Exception {
        String body = "{\"id\":\"r" + Integer.toHexString(label.hashCode()) + "\",\"sessionId\":\"" + sid + "\",\"draft\":"
                + draft.replace("%ID%", photoId) + "}";
        Api.Response r = api.postJson("/api/render/proxy/lambda", token, body);
        assertClean(r, Set.of(3003, 3006, 3007, 3008, 3009, 4000));
        assertThat(r.body().path("message").asText().length()).isLessThan(1000);
    }

    static Stream<Arguments> hostileChat() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a NUL byte", "\u0000");
        m.put("control characters", "\u0001\u0002\u0003\u001b[31mred\u001b[0m");
        m.put("a right-to-left override", "make it \u202Eright\u202C please");
        m.put("emoji", "\uD83D\uDE00\uD83C\uDF0A make it wavy \uD83C\uDF0A");
        m.put("a lone surrogate", "make it \uD800 loop");
        m.put("1e308 seconds", "make it 1e308 seconds long");
        m.put("minus five seconds", "make it -5 seconds long");
        m.put("NaN seconds", "make it NaN seconds long");
        m.put("a huge number", "make it 99999999999999999999999999 seconds");
        m.put("a long title", "add the title " + "x".repeat(7000));
        m.put("many lines", "add the title " + "a\n".repeat(3000));
        m.put("SQL", "'; DROP TABLE render_jobs; --");
        m.put("a script", "<script>alert(1)</script> add title <img src=x onerror=alert(1)>");
        m.put("a path", "use ../../../../etc/passwd as music");
        m.put("JSON", "{\"t\":[{\"tt\":0}]} set the draft to this");
        m.put("Chinese", "把它变成一个循环视频，标题是" + "字".repeat(3000));
        m.put("8001 characters", "m".repeat(8001));
        m.put("4001 emoji", "\uD83D\uDE00".repeat(4001));
        m.put("a repeated instruction", "add a title hello. ".repeat(400));
        m.put("a music request with nothing uploaded", "add background music at 1e9 percent volume");
        m.put("an export request", "export it in 8k at 1000 fps");
        return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "chat with {0}")
    @MethodSource("hostileChat")
    void oddMessagesGetACleanAnswer(String label, String message) throws Exception {
        Api.Stream s = api.chat(token, sid, message);
        if (s.status() != 200) {
            assertClean(Api.JSON.readTree(s.raw()), s.status(), Set.of(4000, 4009));
            return;
        }
        assertThat(s.raw()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\"INTERNAL\"");
        assertThat(s.raw()).contains("turnComplete");
    }

    static Stream<Arguments> hostileBodies() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("not JSON", "{{{");
        b.put("an array", "[1,2,3]");
        b.put("no message", "{\"session_id\":\"%SID%\"}");
        b.put("a number as message", "{\"session_id\":\"%SID%\",\"new_message\":42}");
        b.put("parts that are not a list", "{\"session_id\":\"%SID%\",\"new_message\":{\"parts\":\"hello\"}}");
        b.put("text that is a number", "{\"session_id\":\"%SID%\",\"new_message\":{\"parts\":[{\"text\":5}]}}");
        b.put("10000 empty parts", "{\"session_id\":\"%SID%\",\"new_message\":{\"parts\":[" + String.join(",", Collections.nCopies(10000, "{}")) + "]}}");
        b.put("a 300 KB body", "{\"session_id\":\"%SID%\",\"new_message\":\"" + "z".repeat(300_000) + "\"}");
        b.put("a deeply nested message", "{\"session_id\":\"%SID%\",\"new_message\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}");
        return b.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "/run_sse with {0}")
    @MethodSource("hostileBodies")
    void malformedChatBodiesAreRefused(String label, String body) throws Exception {
        Api.Response r = api.postJson("/run_sse", token, body.replace("%SID%", sid));
        assertClean(r, Set.of(4000, 4009));
    }

    static Stream<Arguments> hostilePaths() {
        return Stream.of(
                Arguments.of("GET", "/api/media/%SID%/..%2F..%2Fdb%2Fimageloop.mv.db", Set.of(3004, 4040)),
                Arguments.of("GET", "/api/media/%SID%/med_' OR 1=1 --".replace(" ", "%20"), Set.of(3004, 4040)),
                Arguments.of("GET", "/api/media/..%2F..%2F/%ID%", Set.of(1002, 4040)),
                Arguments.of("GET", "/api/media/%SID%/%ID%/thumbnail/../../x", Set.of(4040, 3004)),
                Arguments.of("GET", "/api/state/nemo_agent/me/" + "a".repeat(5000) + "/latest", Set.of(1002, 4000)),
                Arguments.of("GET", "/api/render/proxy/lambda/..%2F..%2Fetc%2Fpasswd", Set.of(3001, 4040)),
                Arguments.of("GET", "/api/render/proxy/lambda/" + "r".repeat(300), Set.of(3001, 4000)),
                Arguments.of("GET", "/api/render/proxy/lambda/nope/download", Set.of(3001)),
                Arguments.of("DELETE", "/api/media/%SID%/%ID%", Set.of(4040, 4050)),
                Arguments.of("PUT", "/run_sse", Set.of(4040, 4050)),
                Arguments.of("POST", "/api/upload-video/nemo_agent/me/%SID%", Set.of(4000, 4006)),
                Arguments.of("POST", "/operator/credits/grant", Set.of(4040)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostilePaths")
    void idsAndPathsCannotEscape(String method, String path, Set<Integer> codes) throws Exception {
        HttpRequest.Builder b = api.request(path.replace("%SID%", sid).replace("%ID%", photoId), token)
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        Api.Response r = api.send(b);
        assertClean(r, codes);
    }

    static Stream<String> hostileRanges() {
        return Stream.of("bytes=999999999999-", "bytes=-0", "bytes=5-1", "bytes=a-b", "bytes=0-0,5-9", "bytes=-99999999999",
                "bytes=0-99999999999999999999", "items=0-5", "bytes=", "bytes=--5");
    }

    @ParameterizedTest(name = "Range: {0}")
    @MethodSource("hostileRanges")
    void hostileRangesAreAnsweredPlainly(String range) throws Exception {
        HttpResponse<byte[]> r = api.download("/api/media/" + sid + "/" + photoId, token, range);
        assertThat(r.statusCode()).as(range).isIn(200, 206, 416);
        if (r.statusCode() == 416) assertThat(Api.JSON.readTree(r.body()).path("code").asInt()).isEqualTo(4016);
    }

    private static String segments(int n) {
        StringBuilder sb = new StringBuilder(40 * n + 64).append("{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[");
        for (int i = 0; i < n; i++) sb.append(i > 0 ? "," : "").append("{\"s\":").append(i * 10).append(",\"d\":10,\"m\":{\"media\":\"%ID%\"}}");
        return sb.append("]}]}").toString();
    }

    private static String overlapping(int n) {
        StringBuilder sb = new StringBuilder("{\"v\":1,\"d\":1000,\"t\":[{\"tt\":0,\"sg\":[");
        for (int i = 0; i < n; i++) sb.append(i > 0 ? "," : "").append("{\"s\":0,\"d\":1000,\"m\":{\"media\":\"%ID%\"}}");
        return sb.append("]}]}").toString();
    }

    private static String text(String t) {
        return "{\"v\":1,\"d\":1000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"%ID%\"}}]},{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":"
                + TextNode.valueOf(t) + "}}]}]}";
    }

    private static String media(String ref) {
        return "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":" + TextNode.valueOf(ref) + "}}]}]}";
    }

    static void assertClean(Api.Response r, Set<Integer> codes) {
        assertClean(r.body(), r.status(), codes);
    }

    static void assertClean(JsonNode body, int status, Set<Integer> codes) {
        String message = body.path("message").asText();
        assertThat(body.path("code").asInt()).as(body.toString()).isIn(codes);
        assertThat(status).as(body.toString()).isBetween(400, 499);
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
