package io.imageloop.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's /proc, to tell how much of a measurement's machine time went to the
 * measured processes and how much to anything else running at the same time.
 */
final class CpuClock {

    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;

    private CpuClock() {
    }

    /** Busy CPU seconds of the whole machine since boot (all cores, everything but idle and iowait). */
    static double machineSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) if (i != 4 && i != 5) busy += Long.parseLong(f[i]); // skip idle, iowait
            return busy / HZ;
        } catch (Exception e) {
            return 0;
        }
    }

    /** User + system CPU seconds of a process (0 when it is gone). */
    static double processSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / HZ; // utime, stime
        } catch (Exception e) {
            return 0;
        }
    }
}
