package com.orderflow.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

/** The formats operators switch on write the log context as fields; the plain pattern shows it too. */
class StructuredLogsTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void theJsonLogsProfileWritesEcsLinesWithTheLogContextAsFields() throws Exception {
        String format = yaml("application-json-logs.yml").getProperty("logging.structured.format.console");
        assertThat(format).isEqualTo("ecs");

        JsonNode line = encode(format, Map.of("orderNumber", "100023", "requestType", "modification",
                "requestId", "51", "processInstanceId", "pi-7"));

        assertThat(line.get("message").asText()).isEqualTo("Applied request 51 to order 100023 as revision 3");
        assertThat(line.get("log").get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("orderNumber").asText()).isEqualTo("100023");
        assertThat(line.get("requestType").asText()).isEqualTo("modification");
        assertThat(line.get("requestId").asText()).isEqualTo("51");
        assertThat(line.get("processInstanceId").asText()).isEqualTo("pi-7");
    }

    @Test
    void logstashLinesCarryTheSameFields() throws Exception {
        JsonNode line = encode("logstash", Map.of("orderNumber", "100023", "requestId", "51"));

        assertThat(line.get("@timestamp").asText()).isNotBlank();
        assertThat(line.get("orderNumber").asText()).isEqualTo("100023");
        assertThat(line.get("requestId").asText()).isEqualTo("51");
    }

    @Test
    void thePlainConsolePatternShowsTheLogContextOnlyWhereThereIsOne() {
        String correlation = yaml("application.yml").getProperty("logging.pattern.correlation");
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(correlation + "%m");
        layout.start();

        assertThat(layout.doLayout(event(Map.of("orderNumber", "100023", "requestType", "modification",
                "requestId", "51")))).isEqualTo("[order 100023 modification 51] Applied request 51 to order 100023 as revision 3");
        assertThat(layout.doLayout(event(Map.of()))).isEqualTo("Applied request 51 to order 100023 as revision 3");
    }

    private JsonNode encode(String format, Map<String, String> mdc) throws Exception {
        Environment environment = new StandardEnvironment();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        String json = new String(encoder.encode(event(mdc)), StandardCharsets.UTF_8);
        assertThat(json.lines()).hasSize(1);
        return new ObjectMapper().readTree(json);
    }

    private LoggingEvent event(Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(StructuredLogsTest.class.getName(), context.getLogger("orderflow"),
                Level.INFO, "Applied request {} to order {} as revision {}", null, new Object[] { 51, "100023", 3 });
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private static Properties yaml(String resource) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(resource));
        return yaml.getObject();
    }

}
