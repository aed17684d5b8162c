package io.imageloop.engine.encode;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.Locale;

/**
 * Encoder presets. CRF values are x264's (lower is better); VP9 uses its own scale. The x264
 * preset stays at veryfast: on two cores slower presets cost far more time than they save bytes
 * at these rates, and slow motion compresses well anyway.
 */
public enum Quality {
    DRAFT(26, 40), STANDARD(20, 33), HIGH(17, 28);

    private final int x264Crf;
    private final int vp9Crf;

    Quality(int x264Crf, int vp9Crf) {
        this.x264Crf = x264Crf;
        this.vp9Crf = vp9Crf;
    }

    public int x264Crf() {
        return x264Crf;
    }

    public int vp9Crf() {
        return vp9Crf;
    }

    public static Quality parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, "unknown quality '" + text + "'; use draft, standard or high");
        }
    }
}
