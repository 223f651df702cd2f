package org.ipcbench.bench;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipcbench} command line. Exit codes: 0 success, 1 a run that failed, 2 bad arguments.
 */
@Command(name = "ipcbench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "How should two processes on one machine talk? Measures TCP loopback, Unix-domain sockets "
                + "and shared memory behind one transport interface.",
        subcommands = {ServeCommand.class, PingCommand.class, DemoCommand.class, RunCommand.class, LoadCommand.class,
            InterleaveCommand.class, ReportCommand.class, RecommendCommand.class, CompareCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting: tests call this. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(java.time.Duration.class, new DurationConverter());
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                return usageError(new CommandLine.ParameterException(cmd, e.getMessage(), e), parsed.originalArgs()
                        .toArray(new String[0]));
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(e));
            return EXIT_FAILED;
        });
        return cl;
    }

    /** One line, naming the command and what to do, and exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    /** An exception as one line: its message, with its cause when the message alone says little. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
            m += ": " + cause.getMessage();
        }
        return m;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ipcbench " + (v == null ? "(development build)" : v)
                    + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
