# Build: docker compose build (or docker build -t orderflow .)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system orderflow && mkdir -p /app/data && chown orderflow /app/data
COPY --from=build /src/target/orderflow-*.jar /app/orderflow.jar
USER orderflow
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/orderflow.jar"]
