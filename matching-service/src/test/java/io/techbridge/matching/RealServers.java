package io.techbridge.matching;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.techbridge.deploy.local.testing.RealServersResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the annotated test against real PostgreSQL, Kafka and Elasticsearch (started by the test run unless given). */
@QuarkusTestResource(value = RealServersResource.class, initArgs = {
        @ResourceArg(name = "database", value = "matching"),
        @ResourceArg(name = "elasticsearch", value = "true")})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RealServers {
}
