package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** report, recommend and compare: bad arguments get one line on stderr and exit code 2. */
class ResultsArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "report",
        "report /no/such/run",
        "report --index /no/such/results",
        "recommend --results /no/such/run --message-size 64 --goal p50",
        "recommend --message-size 64 --goal p50",
        "recommend --results . --message-size 64",
        "recommend --results . --message-size big --goal p50",
        "recommend --results . --message-size 0 --goal p50",
        "recommend --results . --message-size 64 --goal fastest",
        "compare /only/one",
        "compare /no/such/a /no/such/b",
    })
    void badArgumentsGetOneLineAndExitTwo(String args) {
        ReportTest.Result r = ReportTest.run(args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("ipcbench "), r.err());
    }
}
