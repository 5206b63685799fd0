package io.techbridge.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.techbridge.deploy.local.testing.RealServersResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the annotated test against real PostgreSQL, with the gateway signing with the test key pair. */
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(SigningKeyResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface GatewayServers {
}
