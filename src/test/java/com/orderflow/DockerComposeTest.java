package com.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** docker-compose.yml must speak the app's real property names and agree with its own PostgreSQL service. */
class DockerComposeTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeVariablesAreRealPropertiesAndMatchThePostgresService() throws IOException {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("app", "postgres", "mailpit");
        Map<String, String> app = (Map<String, String>) ((Map<String, Object>) services.get("app")).get("environment");
        Map<String, String> db = (Map<String, String>) ((Map<String, Object>) services.get("postgres")).get("environment");

        Set<String> known = knownProperties();
        for (String variable : app.keySet()) {
            String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            assertThat(known).as("%s binds to no property the app knows", variable)
                    .anyMatch(p -> p.replace("-", "").equals(property.replace("-", "")));
        }
        assertThat(app.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(app.get("SPRING_DATASOURCE_URL")).endsWith("/" + db.get("POSTGRES_DB"));
        assertThat(app.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(app.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
        assertThat(app.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(((Map<String, Object>) services.get("postgres")).get("image").toString()).startsWith("postgres:17");
    }

    /** Spring Boot's configuration metadata plus the placeholders our own YAML reads. */
    private static Set<String> knownProperties() throws IOException {
        Set<String> names = new HashSet<>(List.of("spring.profiles.active"));
        ObjectMapper json = new ObjectMapper();
        for (Resource r : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = r.getInputStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                properties.forEach(p -> names.add(p.path("name").asText()));
            }
        }
        for (String file : List.of("application.yml", "application-postgres.yml")) {
            String text = Files.readString(Path.of("src/main/resources", file));
            var placeholder = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(text);
            while (placeholder.find()) {
                names.add(placeholder.group(1).toLowerCase(Locale.ROOT).replace('_', '.'));
            }
        }
        return names;
    }
}
