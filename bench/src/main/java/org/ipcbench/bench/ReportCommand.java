package org.ipcbench.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipcbench report DIR}: the generated files of a run; {@code --index} the index of published runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Reads a run directory's raw data (jmh-result.json, cpu.json, metadata.json, hgrm/) and "
                + "writes README.md (tables), findings.md (decisions and claims), decisions.md (the decision table alone) "
                + "and charts/ (PNG and SVG) inside it.",
                "The same raw data always gives byte-identical files.",
                "With --index, DIR is the results directory: writes DIR/README.md listing every published run "
                        + "(not DIR/local)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory, or with --index the results directory.")
    Path dir;

    @Option(names = "--index", description = "Write the index of published runs under DIR instead.")
    boolean index;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (index) {
            Path index = ResultsIndex.write(dir);
            out.println("wrote " + index + " (" + ResultsIndex.runs(dir).size() + " runs)");
            out.flush();
            return 0;
        }
        List<ChartSet.ChartFile> charts = RunReport.write(dir);
        long drawn = charts.stream().filter(ChartSet.ChartFile::drawn).count();
        out.println("wrote " + dir.resolve(RunReport.README) + ", " + dir.resolve(RunReport.FINDINGS) + " and "
                + drawn + " charts in " + dir.resolve(RunReport.CHARTS));
        out.flush();
        return 0;
    }
}
