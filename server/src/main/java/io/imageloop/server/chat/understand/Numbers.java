package io.imageloop.server.chat.understand;

import java.util.Map;

/** Numbers written as words: English (eight, twenty-five, a half) and Chinese (十五, 两, 半), and ordinals. */
final class Numbers {

    static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("zero", 0.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0),
            Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0),
            Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("thirteen", 13.0),
            Map.entry("fourteen", 14.0), Map.entry("fifteen", 15.0), Map.entry("sixteen", 16.0), Map.entry("seventeen", 17.0),
            Map.entry("eighteen", 18.0), Map.entry("nineteen", 19.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0),
            Map.entry("forty", 40.0), Map.entry("fifty", 50.0), Map.entry("sixty", 60.0), Map.entry("seventy", 70.0),
            Map.entry("eighty", 80.0), Map.entry("ninety", 90.0), Map.entry("hundred", 100.0), Map.entry("couple", 2.0),
            Map.entry("few", 3.0), Map.entry("dozen", 12.0));

    /** Ordinal words; -1 is the last. */
    static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5),
            Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("last", -1), Map.entry("final", -1), Map.entry("penultimate", -2), Map.entry("1st", 1), Map.entry("2nd", 2),
            Map.entry("3rd", 3), Map.entry("4th", 4), Map.entry("5th", 5), Map.entry("6th", 6), Map.entry("7th", 7),
            Map.entry("8th", 8), Map.entry("9th", 9), Map.entry("10th", 10));

    private static final String HAN_DIGITS = "零一二三四五六七八九";

    private Numbers() {
    }

    static boolean hanNumeral(int cp) {
        return HAN_DIGITS.indexOf(cp) >= 0 || cp == '两' || cp == '十' || cp == '百' || cp == '半' || cp == '〇';
    }

    /** A run of Chinese numerals: 八 = 8, 十五 = 15, 二十 = 20, 两 = 2, 一百 = 100, 一个半 is not a run; 半 = 0.5. */
    static double han(String s) {
        if (s.equals("半")) return 0.5;
        double total = 0;
        double current = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else if (c == '半') {
                current += 0.5;
            } else {
                int d = c == '两' ? 2 : c == '〇' ? 0 : HAN_DIGITS.indexOf(c);
                current = current * 10 + d;
            }
        }
        return total + current;
    }
}
