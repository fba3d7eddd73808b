package io.costwise.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.costwise.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class S3LocationTest {
  @Test
  void parsesBucketAndKey() {
    assertEquals(
        new S3Location("my-bucket", "data/train/"),
        S3Location.parse("s3://my-bucket/data/train/", "--s3-train"));
    assertEquals(new S3Location("my-bucket", ""), S3Location.parse("s3://my-bucket", "--s3-train"));
  }

  @Test
  void aPrefixGainsOneSlashAndResolvesBelowIt() {
    S3Location output = S3Location.parse("s3://b-1/jobs", "--s3-output");
    assertEquals("s3://b-1/jobs/", output.asPrefix().toString());
    assertEquals(
        "s3://b-1/jobs/j/output/model.tar.gz",
        output.resolve("j/output/").resolve("model.tar.gz").toString());
    assertEquals("s3://b-1/x", new S3Location("b-1", "").resolve("x").toString());
  }

  @Test
  void badUrisNameTheOptionAndTheFix() {
    assertEquals(
        "--s3-train is 'bucket/data', which is not an S3 URI; write it as s3://bucket/prefix/.",
        assertThrows(
                InvalidInputException.class, () -> S3Location.parse("bucket/data", "--s3-train"))
            .getMessage());
    assertEquals(
        "--s3-output names the bucket 'My_Bucket', which is not a valid bucket name (3-63 lower-case"
            + " letters, digits, '.', '-'); write it as s3://bucket/prefix/.",
        assertThrows(
                InvalidInputException.class,
                () -> S3Location.parse("s3://My_Bucket/x", "--s3-output"))
            .getMessage());
  }
}
