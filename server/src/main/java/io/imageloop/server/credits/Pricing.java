package io.imageloop.server.credits;

/**
 * What an export costs: 1 credit per started 10 seconds of output, at any resolution up to
 * 1080p and in any format. A 6 s loop costs 1, 10 s costs 1, 10.1 s costs 2.
 */
public final class Pricing {

    public static final long BLOCK_MS = 10_000;

    private Pricing() {
    }

    public static int price(long outputMillis) {
        if (outputMillis <= 0) return 1;
        return (int) Math.max(1, (outputMillis + BLOCK_MS - 1) / BLOCK_MS);
    }
}
