package org.ipcbench.bench;

/**
 * The JVM flags of a JMH fork, as one annotation constant. A fork runs with {@code -cp}, so the shaded
 * jar's manifest never reaches it, and {@code @Fork(jvmArgsAppend = ...)} needs a compile-time constant.
 * So this names the {@code jvm.flags} file (the root pom's {@code ipcbench.jvm.flags}, filtered at build
 * time) as a java launcher argument file, {@code @FILE}, which the launcher expands into the flags.
 *
 * <p>Generated from {@code src/main/templates}; {@code ipcbench run} passes {@link JvmFlags#get()} itself.
 */
final class ForkFlags {

    static final String ARGFILE = "@${project.build.outputDirectory}/org/ipcbench/bench/jvm.flags";

    private ForkFlags() {
    }
}
