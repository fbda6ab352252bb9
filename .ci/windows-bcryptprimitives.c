/* Stand-in for bcryptprimitives.dll under Wine 8, which lacks ProcessPrng (Rust's std
 * calls it for randomness, so every .exe exits 53 without it). Built by .ci/windows with
 * x86_64-w64-mingw32-gcc -shared and copied into the scratch Wine prefix's system32 only;
 * never shipped. It forwards to RtlGenRandom (advapi32!SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills the buffer with random bytes; it always returns TRUE on Windows. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
