package io.imageloop.server.chat.understand;

/** What a word means to the agent; the lexicon ({@code lexicon.txt}) lists the words of each. */
enum Cue {
    // actions
    ADD, REMOVE, SET, MOVE, KEEP, SWAP, REVERSE, DUPLICATE, REPEAT, PLAY, UNDO, REDO, SHOW, START, STOP, RENAME,
    FADE, FADE_IN, FADE_OUT, SKIP, GENERATE, CONVERT,
    // things
    TEXT, TITLE, CAPTION, MUSIC, VOLUME, MUTE, PHOTO, ONE, IT, LOOP_NOUN, VIDEO, TIMELINE, LENGTH, SPEED, MOTION, CAMERA,
    FONT, COLOR_NOUN, SIZE_NOUN, OUTLINE, SHADOW, BACKGROUND,
    // modifiers
    NEG, ONLY, ALL, BIT, MUCH, MORE, LESS, TWICE, HALF, TOO, AGAIN, INSTEAD,
    LONGER, SHORTER, FASTER, SLOWER, LOUDER, QUIETER, BIGGER, SMALLER, STRONGER, WEAKER,
    // motion
    FLOW, SWAY, PARALLAX, ZOOM, ZOOM_IN, ZOOM_OUT, ORBIT, PAN, MOVE_INTR, STILL,
    LEFT, RIGHT, UP, DOWN, TOP, BOTTOM, CENTER, FRONT, END_POS,
    SKY, WATER, GRASS, FOLIAGE, LIGHTS, PEOPLE, SNOW, RAIN, SPARKLES, BOKEH, PARTICLES,
    // frame
    VERTICAL, SQUARE, LANDSCAPE, ASPECT_NOUN, FIT, COVER, CROP, COLOR,
    // conversation
    QUESTION, STATUS, CREDITS, PRICE, HELP, GREET, THANKS, EXPORT, UPLOAD, BETTER,
    // time and quantity
    FROM, TO, AT, FOR, FIRST, LAST, IN, BETWEEN, AND, SEC, MIN, HOUR, PERCENT, TIMES, WHOLE, EXCESS,
    // what the product cannot add
    THINGS, FILTER,
    // clause structure
    THEN, REQUEST,
    STOP_WORDS;

    boolean subject() {
        return this == SKY || this == WATER || this == GRASS || this == FOLIAGE || this == LIGHTS || this == PEOPLE;
    }

    boolean particle() {
        return this == SNOW || this == RAIN || this == SPARKLES || this == BOKEH;
    }

    boolean direction() {
        return this == LEFT || this == RIGHT || this == UP || this == DOWN;
    }

    boolean cameraMove() {
        return this == ZOOM || this == ZOOM_IN || this == ZOOM_OUT || this == ORBIT || this == PAN;
    }

    boolean position() {
        return this == TOP || this == BOTTOM || this == CENTER;
    }
}
