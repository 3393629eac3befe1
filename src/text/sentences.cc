// Sentence splitting is a template over the abbreviation predicate (sentences_inl.h);
// this file keeps the module's library non-empty and holds nothing else.
#include "text/token.h"
