package io.imageloop.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the object-storage tests: S3Proxy with its filesystem backend,
 * in a JVM of its own on a loopback port, with signed (v2/v4) requests and one bucket.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String IDENTITY = "imageloop-test";
    static final String CREDENTIAL = "imageloop-test-secret";
    static final Path CLASSPATH_FILE = Path.of("..", "testing", "s3proxy", "target", "s3proxy.classpath");

    final Process process;
    final String endpoint;
    final Path basedir;

    private S3ProxyServer(Process process, String endpoint, Path basedir) {
        this.process = process;
        this.endpoint = endpoint;
        this.basedir = basedir;
    }

    /** Starts S3Proxy storing under {@code basedir}, with the given buckets already there. */
    static S3ProxyServer start(Path basedir, String... buckets) throws IOException, InterruptedException {
        if (!Files.isRegularFile(CLASSPATH_FILE)) throw new IllegalStateException("run the build: " + CLASSPATH_FILE + " is missing");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(basedir);
        for (String b : buckets) Files.createDirectories(basedir.resolve(b)); // a bucket is a folder to the filesystem backend
        String endpoint = "http://127.0.0.1:" + port;
        Path props = Files.writeString(basedir.resolveSibling("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + basedir.toAbsolutePath(), ""));
        Path log = basedir.resolveSibling("s3proxy.log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", Files.readString(CLASSPATH_FILE).trim(), "org.gaul.s3proxy.Main", "--properties", props.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (!p.isAlive()) throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new S3ProxyServer(p, endpoint, basedir);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not start: " + Files.readString(log));
    }

    StorageConfig storage(String bucket, String prefix) {
        return new StorageConfig("s3://" + bucket + "/" + prefix, endpoint, "us-east-1", IDENTITY, CREDENTIAL);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
