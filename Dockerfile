# syntax=docker/dockerfile:1
# The costwise image for those who build with Docker; it behaves like the Jib-built one (same
# entrypoint, layout and labels). Build: docker build -t costwise .
# BASE_IMAGE and BUILD_IMAGE can point elsewhere (e.g. a local base in tests).
ARG BUILD_IMAGE=public.ecr.aws/docker/library/maven:3.9-eclipse-temurin-17
ARG BASE_IMAGE=public.ecr.aws/docker/library/eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
# MAVEN: the Maven command (tests here mount the host's Maven and repository into a local base).
ARG MAVEN=mvn
WORKDIR /src
# Dependencies first, so a source change does not download them again.
COPY pom.xml .
RUN ${MAVEN} -B -q dependency:go-offline -DskipTests || true
COPY src src
COPY container/local_test container/local_test
RUN ${MAVEN} -B -q package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true \
 && mkdir -p /app/libs /app/classes \
 && cp target/lib/*.jar /app/libs/ \
 && cp -r target/classes/. /app/classes/ \
 && { echo -n "/app/classes:"; ls /app/libs/*.jar | tr '\n' ':' | sed 's/:$//'; } > /app/jib-classpath-file \
 && echo io.costwise.cli.CostwiseCommand > /app/jib-main-class-file

FROM ${BASE_IMAGE}
LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port="true" \
      org.opencontainers.image.title="costwise"
COPY --from=build /app /app
COPY src/main/jib/opt/costwise/bin/entrypoint.sh /opt/costwise/bin/entrypoint.sh
RUN chmod 755 /opt/costwise/bin/entrypoint.sh
EXPOSE 8080
ENTRYPOINT ["/opt/costwise/bin/entrypoint.sh"]
