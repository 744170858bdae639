// The system ICU (Debian libicu-dev), found through pkg-config `icu-i18n`. Only the C shim
// (`CICUShim`) includes ICU headers; Swift never imports this module, because Foundation carries
// its own ICU module and the two clash wherever a Swift module sees both.
#include <unicode/uversion.h>
