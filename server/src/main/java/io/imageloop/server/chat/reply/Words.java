package io.imageloop.server.chat.reply;

import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.Rgb;
import io.imageloop.timeline.edit.Subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the product's things are said in English and Chinese: motion, places, colours, seconds. */
final class Words {

    private Words() {
    }

    /** One line for a recipe: "the sky drifts left; the water ripples; under a slow camera zoom; with snow". */
    static String motion(MotionRecipe r, boolean zh) {
        List<String> parts = new ArrayList<>();
        for (Layer l : r.layers()) parts.add(layer(l, zh));
        if (r.camera() != null) parts.add(camera(r.camera(), !r.layers().isEmpty(), zh));
        if (!r.freeze().isEmpty()) parts.add(zh ? "部分区域保持静止" : "parts held still");
        if (r.particles() != Particles.NONE) parts.add(zh ? "加上" + particles(r.particles(), true) : "with " + particles(r.particles(), false));
        return String.join(zh ? "；" : "; ", parts);
    }

    static String layer(Layer l, boolean zh) {
        String who = thing(l, zh);
        String pace = pace(l.strength(), zh);
        String tail = pace.isEmpty() ? "" : " " + pace.trim();
        if (l instanceof Layer.Drift d) {
            return zh ? who + pace + direction(d.direction().word(), true) + "飘动" : who + " " + verb(who, "drift") + " " + pace + direction(d.direction().word(), false);
        }
        if (l instanceof Layer.Ripple) return zh ? who + pace + "泛起涟漪" : who + " " + verb(who, "ripple") + tail;
        if (l instanceof Layer.Sway) return zh ? who + pace + "摇曳" : who + " " + verb(who, "sway") + tail;
        if (l instanceof Layer.Glow) return zh ? who + pace + "闪烁" : who + " " + verb(who, "glow") + tail;
        if (l instanceof Layer.Parallax) return zh ? "3D 视差镜头环绕" : "a 3D parallax camera circles";
        Layer.Flow f = (Layer.Flow) l;
        return zh ? f.arrows().size() + " 个箭头引导流动" : "motion along " + f.arrows().size() + (f.arrows().size() == 1 ? " arrow" : " arrows");
    }

    /** "the sky drifts", "the leaves sway". */
    static String verb(String who, String base) {
        boolean plural = who.equals("the leaves") || who.equals("the lights") || who.equals("people") || who.equals("the reeds");
        return plural ? base : base + "s";
    }

    /** slow, quick: the pace of a camera move as an adjective. */
    private static String adjective(double strength, boolean zh) {
        if (strength < 0.45) return zh ? "非常缓慢的" : "very slow";
        if (strength < 0.85) return zh ? "缓慢的" : "slow";
        if (strength <= 1.25) return "";
        if (strength <= 2.5) return zh ? "较快的" : "quick";
        return zh ? "很快的" : "very quick";
    }

    /** What a camera move does, as a verb phrase: "zooms in", "orbits", "pans left". */
    static String cameraVerb(String w, boolean zh) {
        if (zh) return cameraMove(w, true);
        return switch (w) {
            case "in" -> "zooms in";
            case "out" -> "zooms out";
            case "orbit" -> "orbits";
            case "left", "right", "up", "down" -> "pans " + w;
            default -> "zooms in and out";
        };
    }

    static String camera(CameraMove c, boolean accompanying, boolean zh) {
        String w = c.move().word();
        String pace = adjective(c.strength() / (accompanying ? CameraMove.ACCOMPANYING : 0.6), zh).trim();
        if (zh) {
            String m = switch (w) {
                case "in" -> "推进";
                case "out" -> "拉远";
                case "orbit" -> "环绕";
                case "left" -> "向左平移";
                case "right" -> "向右平移";
                case "up" -> "向上移动";
                case "down" -> "向下移动";
                default -> "推拉";
            };
            return (accompanying ? "配合" : "") + pace + "镜头" + m;
        }
        String m = switch (w) {
            case "in" -> "zoom in";
            case "out" -> "zoom out";
            case "orbit" -> "orbit";
            case "left", "right", "up", "down" -> "pan " + w;
            default -> "zoom";
        };
        return (accompanying ? "under a " : "a ") + (pace.isEmpty() ? "" : pace + " ") + "camera " + m;
    }

    static String cameraMove(String w, boolean zh) {
        return camera(new CameraMove(io.imageloop.engine.recipe.Direction.parse(w), 0.6), false, zh).replaceFirst("^a ", "");
    }

    /** What a layer moves, in words: "the sky", "the water", "the picture". */
    static String thing(Layer l, boolean zh) {
        Set<Subject> s = Subjects.of(l);
        if (s.isEmpty()) {
            if (l.area().mask() != null && l.area().mask().label() != null) return (zh ? "" : "the ") + l.area().mask().label();
            return zh ? "画面" : "the picture";
        }
        return subject(s.iterator().next(), zh);
    }

    static String subject(Subject s, boolean zh) {
        return switch (s) {
            case SKY -> zh ? "天空" : "the sky";
            case WATER -> zh ? "水面" : "the water";
            case GRASS -> zh ? "草" : "the grass";
            case FOLIAGE -> zh ? "树叶" : "the leaves";
            case LIGHTS -> zh ? "灯光" : "the lights";
            case PEOPLE -> zh ? "人物" : "people";
        };
    }

    static String pace(double strength, boolean zh) {
        if (strength < 0.45) return zh ? "非常缓慢地" : "very slowly ";
        if (strength < 0.85) return zh ? "缓慢地" : "slowly ";
        if (strength <= 1.25) return "";
        if (strength <= 2.5) return zh ? "较快地" : "quickly ";
        return zh ? "很快地" : "very fast ";
    }

    static String direction(String w, boolean zh) {
        if (zh) {
            return switch (w) {
                case "left" -> "向左";
                case "right" -> "向右";
                case "up" -> "向上";
                case "down" -> "向下";
                default -> "沿 " + w + " 方向";
            };
        }
        return switch (w) {
            case "left", "right" -> "to the " + w;
            case "up", "down" -> w;
            default -> "at " + w;
        };
    }

    static String particles(Particles p, boolean zh) {
        if (zh) {
            return switch (p) {
                case SNOW -> "雪花";
                case RAIN -> "雨";
                case SPARKLES -> "闪光";
                case BOKEH -> "光斑";
                default -> "无粒子";
            };
        }
        return p.toString();
    }

    static String position(Placement p, boolean zh) {
        if (p instanceof Placement.At at) {
            return String.format(Locale.ROOT, zh ? "位置 (%.2f, %.2f)" : "at (%.2f, %.2f)", at.x(), at.y());
        }
        Placement.Position pos = ((Placement.Anchored) p).position();
        return switch (pos) {
            case TOP -> zh ? "顶部" : "top";
            case CENTER -> zh ? "中间" : "center";
            case BOTTOM -> zh ? "底部" : "bottom";
        };
    }

    static String colour(Rgb c, boolean zh) {
        String[][] names = {{"#FFFFFF", "white", "白色"}, {"#000000", "black", "黑色"}, {"#FF3B30", "red", "红色"},
                {"#FFD60A", "yellow", "黄色"}, {"#0A84FF", "blue", "蓝色"}, {"#34C759", "green", "绿色"}, {"#FF9500", "orange", "橙色"},
                {"#FF2D55", "pink", "粉色"}, {"#AF52DE", "purple", "紫色"}, {"#8E8E93", "grey", "灰色"}, {"#FFC700", "gold", "金色"}};
        for (String[] n : names) if (n[0].equals(c.toString())) return zh ? n[2] : n[1];
        return c.toString();
    }

    /** 6000 → "6", 2500 → "2.5". */
    static String seconds(long ms) {
        if (ms % 1000 == 0) return Long.toString(ms / 1000);
        String s = String.format(Locale.ROOT, "%.1f", ms / 1000.0);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String percent(double volume) {
        return Math.round(volume * 100) + "%";
    }
}
