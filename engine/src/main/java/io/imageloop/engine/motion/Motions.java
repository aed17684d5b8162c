package io.imageloop.engine.motion;

import io.imageloop.engine.recipe.MotionRecipe;

/** The motion stage a recipe stands for. */
public final class Motions {

    private Motions() {
    }

    public static Motion of(MotionRecipe recipe) {
        if (recipe.layers().isEmpty() && recipe.camera() != null) return new CameraMotion(recipe.camera());
        Motion layered = new LayeredMotion(recipe);
        return recipe.camera() == null ? layered : new CameraOver(layered, new CameraMotion(recipe.camera()));
    }
}
