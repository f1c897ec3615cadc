package nl.werkproces.lti.delivery;

/** Published when a grade was put in the outbox; the worker wakes once the transaction committed. */
record GradeQueued(long outboxId, long platformId) {

}
