package dev.oversell.run;

/**
 * The JVM and machine that measured something (each family of checks records its own: jcstress's forks, the
 * Lincheck JVM and the benchmark JVMs may each differ from the JVM that writes the report).
 */
public record Environment(String javaVersion, String javaVm, String javaVendor, String os, String arch,
                          int cpus, long maxHeapMiB, String jvmArguments) {

    /** The JVM this runs in. */
    public static Environment ofThisJvm() {
        return new Environment(System.getProperty("java.version"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
}
