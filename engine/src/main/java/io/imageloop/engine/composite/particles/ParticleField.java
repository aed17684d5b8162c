package io.imageloop.engine.composite.particles;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One kind of particles. Everything a field draws is a function of the loop phase alone, built
 * so that phase 1 looks exactly like phase 0: whole numbers of falls, twinkles and orbits per
 * loop. That is what keeps an overlay seamless on any loop.
 */
interface ParticleField extends AutoCloseable {

    /** Draws the particles' light at this phase in [0, 1] onto a black 8-bit BGR canvas. */
    void draw(double phase, Mat light);

    @Override
    default void close() {
    }
}
