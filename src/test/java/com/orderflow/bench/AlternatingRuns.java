package com.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.orderflow.modification.ModificationProcess;

/**
 * The real modification path against its no-op twin in alternating batches (real, twin, twin, real,
 * …), so that the machine's drift during the run lands on both alike: the overall rates, and the median
 * of the ratios of each batch's pair, which one slow minute moves no more than one pair.
 */
final class AlternatingRuns {

    record Result(double realPerSecond, double twinPerSecond, double medianRatio, List<Double> ratios,
            CpuAccount.Reading realCpu, CpuAccount.Reading twinCpu) {

        double ratio() {
            return realPerSecond / twinPerSecond;
        }
    }

    private static final String APPROVE = ModificationProcess.APPROVE_TASK;

    private final WorkflowRuns runs;
    private final CpuAccount cpu;
    private final int batches;

    AlternatingRuns(WorkflowRuns runs, CpuAccount cpu, int batches) {
        this.runs = runs;
        this.cpu = cpu;
        this.batches = Math.max(1, batches);
    }

    /** n instances of each path, starting the i-th real one with real(i) and the i-th twin with twin(i). */
    Result run(int n, IntFunction<String> real, IntFunction<String> twin) throws Exception {
        double realSeconds = 0;
        double twinSeconds = 0;
        CpuAccount.Reading realCpu = CpuAccount.Reading.ZERO;
        CpuAccount.Reading twinCpu = CpuAccount.Reading.ZERO;
        List<Double> ratios = new ArrayList<>();
        int done = 0;
        for (int b = 0; b < batches; b++) {
            int size = (n - done) / (batches - b);
            int offset = done;
            double realRate = 0;
            double twinRate = 0;
            for (boolean runReal : List.of(b % 2 == 0, b % 2 != 0)) {
                CpuAccount.Reading before = cpu.read();
                if (runReal) {
                    realRate = runs.run(size, ModificationProcess.KEY, i -> real.apply(offset + i), APPROVE);
                    realCpu = realCpu.plus(before, cpu.read());
                } else {
                    twinRate = runs.run(size, TwinProcesses.TWIN, i -> twin.apply(offset + i), APPROVE);
                    twinCpu = twinCpu.plus(before, cpu.read());
                }
            }
            realSeconds += size / realRate;
            twinSeconds += size / twinRate;
            ratios.add(realRate / twinRate);
            done += size;
        }
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Result(n / realSeconds, n / twinSeconds, median, ratios, realCpu, twinCpu);
    }

    static String ratios(Result result) {
        return result.ratios().stream().map(r -> String.format("%.2f", r)).toList().toString();
    }
}
