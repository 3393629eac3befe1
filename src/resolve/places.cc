// Place resolution lives in the actor dictionary (gazetteer entries) and the event
// extractor (choosing the place of the action); this file keeps the module's target.
#include "resolve/dates.h"
