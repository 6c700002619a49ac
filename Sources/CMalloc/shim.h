// glibc's allocator controls (mallopt), which Swift's Glibc module does not include.
#include <malloc.h>
