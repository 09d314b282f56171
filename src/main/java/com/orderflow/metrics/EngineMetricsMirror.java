package com.orderflow.metrics;

import java.util.Locale;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Camunda's engine metrics (activity-instance-start, job-successful, job-failed, job-acquisition-attempt …)
 * as Micrometer counters named {@code orderflow.engine.<metric>}.
 * <p>
 * The engine keeps each metric in memory and its reporter moves the value to ACT_RU_METER_LOG every
 * 15 minutes, clearing it: neither side alone is a counter Prometheus can rate. So the engine gets a
 * registry that also counts every occurrence into Micrometer, per node and from the start of the JVM.
 */
@Component
class EngineMetricsMirror extends AbstractProcessEnginePlugin {

    private final MeterRegistry meters;

    EngineMetricsMirror(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new MirroringRegistry(meters));
    }

    static String meterName(String engineMetric) {
        return "orderflow.engine." + engineMetric.toLowerCase(Locale.ROOT).replace('-', '.');
    }

    private static final class MirroringRegistry extends MetricsRegistry {

        private final MeterRegistry meters;

        MirroringRegistry(MeterRegistry meters) {
            this.meters = meters;
        }

        /** Every metric the engine reports is registered at once, so a scrape shows it at 0 before it happens. */
        @Override
        public void createDbMeter(String name) {
            super.createDbMeter(name);
            counter(name);
        }

        /** A meter the engine also reports to its diagnostics (activity-instance-start and others). */
        @Override
        public void createMeter(String name) {
            super.createMeter(name);
            counter(name);
        }

        @Override
        public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            if (getDbMeterByName(name) != null) {
                counter(name).increment(times);
            }
        }

        private Counter counter(String name) {
            return Counter.builder(meterName(name)).description("Camunda engine metric " + name)
                    .register(meters);
        }
    }
}
